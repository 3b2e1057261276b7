using Microsoft.Data.Sqlite;

namespace CareStories.Web.Tests.Operations;

/// <summary>The app over a database file the test can take away (opened read-write, never created anew).</summary>
public sealed class DatabaseFileFactory : CareStoriesFactory
{
    public DatabaseFileFactory()
    {
        DatabaseFile = Path.Combine(TempFolder, "health.db");
        File.WriteAllBytes(DatabaseFile, []);
    }

    public string DatabaseFile { get; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:CareStories"] = $"Data Source={DatabaseFile};Mode=ReadWrite",
    };
}

public sealed class HealthTests(DatabaseFileFactory factory) : IClassFixture<DatabaseFileFactory>
{
    [SqliteOnlyFact("the fixture's database is a file the tests take away")]
    public async Task Live_and_ready_answer_anyone_with_one_word()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [SqliteOnlyFact("the test takes the database file away")]
    public async Task Without_its_database_the_instance_is_alive_but_not_ready_and_says_nothing_more()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.GetAsync("/health/ready").ShouldBeAsync(HttpStatusCode.OK);
        var moved = factory.DatabaseFile + ".away";

        File.Move(factory.DatabaseFile, moved);
        SqliteConnection.ClearAllPools();
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Move(moved, factory.DatabaseFile);
        }

        await client.GetAsync("/health/ready").ShouldBeAsync(HttpStatusCode.OK);
    }
}
