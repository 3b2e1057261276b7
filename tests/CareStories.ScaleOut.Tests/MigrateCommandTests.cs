using CareStories.ScaleOut.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CareStories.ScaleOut.Tests;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("carestories-migrate-").FullName;
        var database = Path.Combine(folder, "carestories.db");
        try
        {
            var (exitCode, output) = await Cluster.RunAppAsync(["migrate"], new Dictionary<string, string>
            {
                ["ConnectionStrings__CareStories"] = $"Data Source={database}",
                // No port is given: a command that served requests would never exit.
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

            Assert.True(exitCode == 0, output);
            Assert.Contains("Database migrated", output, StringComparison.Ordinal);
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory; SELECT COUNT(*) FROM AspNetRoles;";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync() && reader.GetInt32(0) > 0);
            Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
            Assert.Equal(4, reader.GetInt32(0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_make_admin_command_for_an_address_with_no_account_exits_with_1_and_says_what_to_do_first()
    {
        var folder = Directory.CreateTempSubdirectory("carestories-make-admin-").FullName;
        try
        {
            var (exitCode, output) = await Cluster.RunAppAsync(["make-admin", "first.admin@example.com"], new Dictionary<string, string>
            {
                ["ConnectionStrings__CareStories"] = $"Data Source={Path.Combine(folder, "carestories.db")}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

            Assert.True(exitCode == 1, output);
            Assert.Contains("Database migrated", output, StringComparison.Ordinal);
            Assert.Contains("No account has that email address", output, StringComparison.Ordinal);
            Assert.DoesNotContain("first.admin@example.com", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_make_admin_command_without_an_address_shows_its_usage_and_exits_with_2()
    {
        var (exitCode, output) = await Cluster.RunAppAsync(["make-admin"], new Dictionary<string, string>
        {
            ["ConnectionStrings__CareStories"] = "Data Source=/nonexistent/never-opened.db",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.True(exitCode == 2, output);
        Assert.Contains("Usage: dotnet CareStories.Web.dll make-admin", output, StringComparison.Ordinal);
    }
}
