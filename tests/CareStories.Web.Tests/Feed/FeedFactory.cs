using CareStories.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Feed;

/// <summary>The app on its own database, with every SQL command it runs recorded in <see cref="Sql"/>.</summary>
public sealed class FeedFactory : CareStoriesFactory
{
    public SqlCommandLog Sql { get; } = new();

    // The delivery worker's polling would be counted with the page's own commands; the stamps are read on every page,
    // as PostgreSQL's kept stamps would make the count depend on when announcements arrive (ChangeAnnouncementTests
    // count a page that asks nothing).
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Delivery:Worker"] = "false",
        ["Freshness:ListenForChanges"] = "false",
    };

    /// <summary>
    /// Runs EXPLAIN QUERY PLAN for a command the app ran, on this factory's database, and returns the plan's lines.
    /// </summary>
    public Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand recorded) => ExplainAsync(ConnectionString, recorded);

    /// <summary>As <see cref="ExplainAsync(RecordedCommand)"/>, on the SQLite database <paramref name="connectionString"/> names.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(string connectionString, RecordedCommand recorded)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Text;
        foreach (var (name, value) in recorded.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetInt32(0)}/{reader.GetInt32(1)}: {reader.GetString(3)}");
        }

        return lines;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services
            .ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(Sql))
            .ObserveStampCommands(Sql.Record));
    }
}
