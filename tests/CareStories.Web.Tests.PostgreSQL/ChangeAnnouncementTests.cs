using CareStories.Domain.Data;
using CareStories.Domain.Freshness;
using CareStories.Web.Freshness;
using CareStories.Web.Tests.Feed;
using CareStories.Web.Tests.Recognition;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareStories.Web.Tests;

/// <summary>
/// PostgreSQL only (this file is compiled into the PostgreSQL run alone): the stamps and bells kept in memory and kept
/// current by the database's announcements (<see cref="PostgresChangeFeed"/>), in the real app over a real database.
/// A page read again asks the database nothing, and every change is still on the next read.
/// </summary>
public sealed class ChangeAnnouncementTests(ChangeAnnouncementTests.ListeningFactory factory) : IClassFixture<ChangeAnnouncementTests.ListeningFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private PostgresChangeFeed Feed => factory.Services.GetRequiredService<PostgresChangeFeed>();

    [Fact]
    public async Task A_feed_page_read_again_asks_the_database_nothing_and_anothers_applause_through_this_instance_is_on_the_next_read()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync("/Feed");
        await CaughtUpAsync();
        await reader.GetDocumentAsync("/Feed");
        await CaughtUpAsync();

        factory.Sql.Clear();
        var again = await reader.GetDocumentAsync("/Feed");
        Assert.Empty(factory.Sql.Commands);
        Assert.Contains("0 applause", again.Card(story.Id).Text(), StringComparison.Ordinal);

        var applauded = await colleague.SubmitFormAsync(story.Url, [], "form[action$='/Applause']");
        Assert.Equal(HttpStatusCode.Redirect, applauded.StatusCode);
        // No waiting: the save here made this instance read the database until the save's own announcement arrived.
        Assert.Contains("1 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_gives_its_maker_a_freshness_cookie_and_a_story_page_read_again_asks_nothing()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync(story.Url);
        await CaughtUpAsync();
        await reader.GetDocumentAsync(story.Url);
        await CaughtUpAsync();

        factory.Sql.Clear();
        await reader.GetDocumentAsync(story.Url);
        Assert.Empty(factory.Sql.Commands);

        var applauded = await reader.SubmitFormAsync(story.Url, [], "form[action$='/Applause']");
        var cookie = Assert.Single(applauded.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FreshnessToken.CookieName + "=", StringComparison.Ordinal));
        Assert.Matches("^cs\\.fresh=g[0-9]+;", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("1", (await reader.GetDocumentAsync(story.Url)).QuerySelector("[data-applause-count]")?.TextContent);
    }

    [Fact]
    public async Task A_notification_made_through_this_instance_is_on_the_bell_at_once_and_marking_all_read_clears_it_at_once()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var heroClient = await factory.SignInAsync(hero);
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var badge = await factory.BadgeAsync();
        await heroClient.GetDocumentAsync("/Feed");
        await CaughtUpAsync();
        Assert.Equal("0", Unread(await heroClient.GetDocumentAsync("/Feed")));

        // Celebrated through this instance's own services (a manager's celebration tells the hero).
        await factory.CelebrateAsync(story.Id, manager, badge, "Well done.");
        Assert.Equal("1", Unread(await heroClient.GetDocumentAsync("/Feed")));
        await CaughtUpAsync();
        Assert.Equal("1", Unread(await heroClient.GetDocumentAsync("/Feed")));

        var marked = await heroClient.SubmitFormAsync("/Notifications", [], "form[action*='handler=ReadAll']");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("0", Unread(await heroClient.GetDocumentAsync("/Feed")));
    }

    [Fact]
    public async Task A_change_written_outside_the_app_is_on_the_feed_once_the_database_has_announced_it()
    {
        var (story, reader) = await StoryOnAReadFeedAsync();

        await WriteOutsideTheAppAsync(story.Id, "Renamed where no instance saw it");
        await CaughtUpAsync();

        Assert.Contains("Renamed where no instance saw it", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_listening_connection_is_cut_nothing_kept_before_is_used_and_it_listens_again()
    {
        var (story, reader) = await StoryOnAReadFeedAsync();

        await using (var admin = new NpgsqlConnection(factory.ConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
                admin);
            Assert.Equal(1L, await cut.ExecuteScalarAsync());
        }

        // Written while nobody may be listening: never announced to this instance.
        await WriteOutsideTheAppAsync(story.Id, "Renamed while the line was cut");
        await UntilAsync(() => Feed.Listening);
        await CaughtUpAsync();

        Assert.Contains("Renamed while the line was cut", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text(), StringComparison.Ordinal);
        factory.Sql.Clear();
        await reader.GetDocumentAsync("/Feed");
        await CaughtUpAsync();
        factory.Sql.Clear();
        await reader.GetDocumentAsync("/Feed");
        Assert.Empty(factory.Sql.Commands);
    }

    [Fact]
    public async Task The_triggers_announce_stamps_and_bells_only_when_the_transaction_commits()
    {
        await using var listener = new NpgsqlConnection(factory.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeNotices.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var person = await factory.Data.PersonAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(Domain.Notifications.Notification.ThanksWaitingFor(person.Id, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        await using (var writer = new NpgsqlConnection(factory.ConnectionString))
        {
            await writer.OpenAsync();
            await using (var rolledBack = await writer.BeginTransactionAsync())
            {
                await using var write = new NpgsqlCommand($"UPDATE \"ChangeStamps\" SET \"Value\" = 111 WHERE \"Id\" = {ChangeStamp.SharedContentId}", writer, rolledBack);
                await write.ExecuteNonQueryAsync();
                await rolledBack.RollbackAsync();
            }

            await using var committed = new NpgsqlCommand(
                $"UPDATE \"Notifications\" SET \"DeliveryAttempts\" = \"DeliveryAttempts\" + 1 WHERE \"RecipientId\" = @person; "
                + $"UPDATE \"ChangeStamps\" SET \"Value\" = 222 WHERE \"Id\" = {ChangeStamp.SharedContentId}",
                writer);
            committed.Parameters.AddWithValue("person", person.Id);
            Assert.Equal(2, await committed.ExecuteNonQueryAsync());
        }

        await UntilAsync(async () =>
        {
            await listener.WaitAsync(TimeSpan.FromMilliseconds(100));
            return heard.Contains($"s{ChangeStamp.SharedContentId}:222");
        });

        Assert.DoesNotContain($"s{ChangeStamp.SharedContentId}:111", heard);
        Assert.Contains($"s{ChangeStamp.SharedContentId}:222", heard);
        // A change that leaves the unread count alone (a delivery attempt) says nothing; a new notification does.
        Assert.Single(heard, p => p == "b" + person.Id);
        Assert.Contains(heard, p => p.StartsWith(PostgresChangeNotices.SavePrefix, StringComparison.Ordinal));
    }

    /// <summary>A published story, and a reader whose feed showed it and whose instance has caught up since.</summary>
    private async Task<(PublishedStory Story, HttpClient Reader)> StoryOnAReadFeedAsync()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync("/Feed");
        await CaughtUpAsync();
        return (story, reader);
    }

    private static string? Unread(IHtmlDocument page) => page.QuerySelector(".nav-bell")?.GetAttribute("data-unread");

    private async Task CaughtUpAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Feed.CaughtUpAsync(timeout.Token);
    }

    private async Task WriteOutsideTheAppAsync(int storyId, string title)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var write = new NpgsqlCommand(
            $"UPDATE \"Stories\" SET \"Title\" = @title WHERE \"Id\" = @id; UPDATE \"ChangeStamps\" SET \"Value\" = @stamp WHERE \"Id\" IN ({ChangeStamp.SharedContentId}, {StoryStamps.OtherContentId})",
            connection,
            transaction);
        write.Parameters.AddWithValue("title", title);
        write.Parameters.AddWithValue("id", storyId);
        write.Parameters.AddWithValue("stamp", Random.Shared.NextInt64(1, long.MaxValue));
        await write.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static Task UntilAsync(Func<bool> done) => UntilAsync(() => Task.FromResult(done()));

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited too long.");
            await Task.Delay(20);
        }
    }

    /// <summary>The app on PostgreSQL with its stamps kept in memory (the default), and every SQL command it runs recorded.</summary>
    public sealed class ListeningFactory : CareStoriesFactory
    {
        public SqlCommandLog Sql { get; } = new();

        // The delivery worker's polling would be counted with the page's own commands.
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Delivery:Worker"] = "false" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(Sql)));
        }
    }
}
