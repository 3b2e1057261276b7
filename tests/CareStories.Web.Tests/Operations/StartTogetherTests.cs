using CareStories.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Operations;

public sealed class StartTogetherTests
{
    [Fact]
    public async Task Two_instances_starting_at_once_over_an_empty_database_apply_the_migrations_once()
    {
        var folder = Directory.CreateTempSubdirectory("carestories-start-together-").FullName;
        using var postgres = TestDatabase.IsPostgres ? PostgresTestDatabase.Empty() : null;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:CareStories"] = postgres?.ConnectionString ?? $"Data Source={Path.Combine(folder, "shared.db")}",
        };
        await using var first = new ConfiguredFactory(settings);
        await using var second = new ConfiguredFactory(settings);
        try
        {
            // Each host migrates in its start-up; MigrationGate makes the second wait for the first.
            await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

            var (all, applied) = await second.WithDbAsync(async db => (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
            Assert.Equal(all, applied);
            Assert.Equal(Roles.All.Count, await first.WithDbAsync(db => db.Roles.CountAsync()));
            await first.CreateClient().GetAsync("/health/ready").ShouldBeAsync(HttpStatusCode.OK);
            await second.CreateClient().GetAsync("/health/ready").ShouldBeAsync(HttpStatusCode.OK);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
