using System.Data.Common;
using CareStories.Domain.Data;
using CareStories.Domain.Freshness;
using CareStories.Domain.Notifications;
using CareStories.Web.Freshness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// The change stamp and the bell as a request reads them (<see cref="SharedContentStamp"/>): on SQLite on kept, prepared
/// connections (<see cref="SqliteRequestStamps"/>), through EF Core when the request holds its own transaction, and on
/// PostgreSQL through EF Core when the stamps are not kept in memory (<see cref="PostgresChangeFeed"/>, off here).
/// Either way they are as new as the last save.
/// </summary>
public sealed class RequestStampsTests(RequestStampsTests.WatchedFactory factory) : IClassFixture<RequestStampsTests.WatchedFactory>
{
    [Fact]
    public async Task The_stamp_and_unread_count_a_request_reads_follow_every_save_before_it()
    {
        var person = await factory.Data.PersonAsync();
        var before = await ReadAsync(person.Id);

        await factory.WithDbAsync(async db =>
        {
            db.Notifications.AddRange(
                Notification.ThanksWaitingFor(person.Id, factory.Clock.GetUtcNow()),
                Notification.ThanksWaitingFor(person.Id, factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var afterTwo = await ReadAsync(person.Id);

        await factory.WithDbAsync(async db =>
        {
            var first = await db.Notifications.Where(n => n.RecipientId == person.Id).OrderBy(n => n.Id).FirstAsync();
            first.MarkRead(factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var afterRead = await ReadAsync(person.Id);
        var stampNow = await factory.WithDbAsync(db => db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId).Select(s => s.Value).FirstAsync());

        Assert.Equal(0, before.Unread);
        Assert.Equal(2, afterTwo.Unread);
        Assert.Equal(1, afterRead.Unread);
        Assert.Equal(stampNow, afterRead.Stamp);
        Assert.Equal(0, (await ReadAsync("nobody-with-this-id")).Unread);
    }

    [Fact]
    public async Task A_story_page_reads_its_own_stamps_with_the_shared_one_and_a_story_never_changed_reads_as_zero()
    {
        var person = await factory.Data.PersonAsync();
        var shared = await factory.WithDbAsync(db => db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId).Select(s => s.Value).FirstAsync());
        await factory.WithDbAsync(async db =>
        {
            await StoryStamps.RenewAsync(db, [StoryStamps.OtherContentId, StoryStamps.IdOf(41)], default);
            return 0;
        });
        var (other, story41) = await factory.WithDbAsync(async db =>
        {
            var rows = await db.ChangeStamps.Where(s => s.Id == StoryStamps.OtherContentId || s.Id == StoryStamps.IdOf(41)).ToDictionaryAsync(s => s.Id, s => s.Value);
            return (rows[StoryStamps.OtherContentId], rows[StoryStamps.IdOf(41)]);
        });

        var (stamp41, key41) = await ReadStoryAsync(person.Id, 41);
        var (stamp42, key42) = await ReadStoryAsync(person.Id, 42);

        Assert.Equal(story41, stamp41);
        Assert.Equal($"story:41:{other}", key41);
        Assert.Equal(0, stamp42);
        Assert.Equal($"story:42:{other}", key42);
        Assert.NotEqual(0, shared);
    }

    [Fact]
    public async Task A_request_inside_its_own_transaction_reads_the_stamp_it_wrote_and_not_another_connections_view()
    {
        factory.Watched.Clear();
        long read;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var own = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
            await using var transaction = await own.Database.BeginTransactionAsync();
            await own.Database.ExecuteSqlRawAsync($"UPDATE \"ChangeStamps\" SET \"Value\" = 4242 WHERE \"Id\" = {ChangeStamp.SharedContentId}");
            read = await scope.ServiceProvider.GetRequiredService<SharedContentStamp>().CurrentAsync("someone", default);
            await transaction.RollbackAsync();
        }

        Assert.Equal(4242, read);
        Assert.Empty(factory.Watched.Commands);
        Assert.NotEqual(4242, (await ReadAsync("someone")).Stamp);
    }

    [Fact]
    public async Task On_SQLite_the_stamp_is_read_on_a_kept_connection_and_on_PostgreSQL_through_EF_Core()
    {
        factory.Watched.Clear();
        await ReadAsync("someone");
        var kept = factory.Services.GetService<SqliteRequestStamps>();

        if (TestDatabase.IsPostgres)
        {
            Assert.Null(kept);
            Assert.Empty(factory.Watched.Commands);
        }
        else
        {
            Assert.NotNull(kept);
            var command = Assert.Single(factory.Watched.Commands);
            Assert.Contains("\"ChangeStamps\"", command.Text, StringComparison.Ordinal);
            Assert.Contains("\"Notifications\"", command.Text, StringComparison.Ordinal);
            // The unread count comes from the (RecipientId, ReadAt) index, as EF Core's command did.
            var plan = string.Join("\n", await factory.ExplainAsync(command));
            Assert.Contains("USING COVERING INDEX", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_kept_connection_holds_no_read_transaction_between_requests_so_the_log_can_be_checkpointed()
    {
        var file = Path.Combine(factory.TempFolder, $"kept-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file};Pooling=False";
        await using (var setup = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE "ChangeStamps" ("Id" INTEGER PRIMARY KEY, "Value" INTEGER NOT NULL);
                CREATE TABLE "Notifications" ("Id" INTEGER PRIMARY KEY, "RecipientId" TEXT NOT NULL, "ReadAt" INTEGER NULL);
                INSERT INTO "ChangeStamps" VALUES (1, 7), (2, 8);
                """;
            await create.ExecuteNonQueryAsync();
        }

        using var kept = new SqliteRequestStamps(connectionString, Microsoft.Extensions.Options.Options.Create(new SqliteRequestStampsOptions()));
        Assert.Equal((7, 0), kept.ReadShared("me"));

        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await writer.OpenAsync();
        await using var write = writer.CreateCommand();
        write.CommandText = """UPDATE "ChangeStamps" SET "Value" = 9 WHERE "Id" = 1; INSERT INTO "Notifications" ("RecipientId") VALUES ('me');""";
        await write.ExecuteNonQueryAsync();
        await using var checkpoint = writer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());

        // busy = 0: no reader on a kept connection held the log back.
        Assert.Equal(0, result.GetInt32(0));
        Assert.Equal((9, 1), kept.ReadShared("me"));
    }

    private async Task<(long Stamp, int Unread)> ReadAsync(string me)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var stamp = scope.ServiceProvider.GetRequiredService<SharedContentStamp>();
        var value = await stamp.CurrentAsync(me, default);
        return (value, stamp.UnreadOf(me) ?? -1);
    }

    private async Task<(long Stamp, string Key)> ReadStoryAsync(string me, int storyId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var stamp = scope.ServiceProvider.GetRequiredService<SharedContentStamp>();
        await stamp.CurrentAsync(me, storyId, default);
        return await stamp.StoryPageKeyAsync(storyId, default);
    }

    /// <summary>The app with the kept connections' commands recorded.</summary>
    public sealed class WatchedFactory : CareStoriesFactory
    {
        public SqlCommandLog Watched { get; } = new();

        public Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand recorded) => FeedFactory.ExplainAsync(ConnectionString, recorded);

        // These tests read what the database holds; PostgreSQL's stamps kept in memory are ChangeAnnouncementTests'.
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Freshness:ListenForChanges"] = "false" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ObserveStampCommands(Watched.Record));
        }
    }
}
