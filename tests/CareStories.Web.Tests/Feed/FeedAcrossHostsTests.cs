using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// Two app instances over one database (a SQLite file, or one PostgreSQL database), each with its own memory: a change saved through one is on the other's
/// very next read, because each request compares the database's change stamp, not a message between instances.
/// </summary>
public sealed class FeedAcrossHostsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carestories-two-hosts-").FullName;
    private readonly PostgresTestDatabase? _postgres = TestDatabase.IsPostgres ? new PostgresTestDatabase() : null;

    [Fact]
    public async Task A_change_through_a_second_host_is_on_the_first_hosts_next_feed_read()
    {
        var connectionString = _postgres?.ConnectionString ?? $"Data Source={Path.Combine(_folder, "shared.db")}";
        using var first = new FileDatabaseFactory(connectionString);
        var story = await first.PublishedStoryAsync();
        var reader = await first.SignInAsync(await first.Data.PersonAsync());
        Assert.Contains("0 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());

        using var second = new FileDatabaseFactory(connectionString);
        var colleague = await second.SignInAsync(await second.Data.PersonAsync());
        await colleague.SubmitFormAsync(story.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("1 applause", (await colleague.GetDocumentAsync("/Feed")).Card(story.Id).Text());

        Assert.Contains("1 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up.
        }
    }

    /// <summary>The app over a database file instead of its private in-memory database.</summary>
    private sealed class FileDatabaseFactory(string connectionString) : CareStoriesFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:CareStories"] = connectionString,
        };
    }
}
