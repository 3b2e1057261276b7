using CareStories.Web.Tests.Recognition;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// Two app instances over one database (a SQLite file, or one PostgreSQL database), each with its own memory. On SQLite
/// every request compares the database's change stamp, so a change saved through one is on the other's very next read.
/// On PostgreSQL each instance keeps the stamps in memory, told of changes by the database's announcements
/// (<see cref="Web.Freshness.PostgresChangeFeed"/>): the person who saved sees the change at once on either instance
/// (their freshness cookie), everyone else once the other instance has the announcement.
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
        var colleaguePerson = await second.Data.PersonAsync();
        var colleague = await second.SignInAsync(colleaguePerson);
        var colleagueOnFirst = await first.SignInAndCopyAsync(colleaguePerson);
        var applauded = await colleague.SubmitFormAsync(story.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("1 applause", (await colleague.GetDocumentAsync("/Feed")).Card(story.Id).Text());

        // The colleague's next page through the first host, with what the second host's answer gave them.
        var fresh = applauded.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Where(c => c.StartsWith(Web.Freshness.FreshnessToken.CookieName + "=", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList()
            : [];
        Assert.Equal(TestDatabase.IsPostgres ? 1 : 0, fresh.Count);
        var colleaguesFeed = await first.GetWithCookieAsync("/Feed", string.Join("; ", [colleagueOnFirst, .. fresh]));
        Assert.Contains("1 applause", (await colleaguesFeed.ReadDocumentAsync()).Card(story.Id).Text());

        if (TestDatabase.IsPostgres)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await first.Services.GetRequiredService<Web.Freshness.PostgresChangeFeed>().CaughtUpAsync(timeout.Token);
        }

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
