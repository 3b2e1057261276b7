using CareStories.Data;
using System.Linq.Expressions;
using System.Numerics;
using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.Paging;
using CareStories.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Paging;

/// <summary>
/// The one keyset helper every list pages with: its key's URL format, and its paging over SQLite (the real schema,
/// built by the real migrations, instants stored as UTC ticks). Notifications stand in for lists with long ids and
/// a non-null instant, stories for int ids and a nullable one.
/// </summary>
public sealed class KeysetTests(KeysetTests.Database database) : IClassFixture<KeysetTests.Database>
{
    private static readonly Keyset<Notification, long> NewestNotifications =
        Keyset.NewestFirst((Notification n) => n.CreatedAt, n => n.Id);

    private static readonly Keyset<Story, int> OldestSubmitted = Keyset.OldestFirst((Story s) => s.SubmittedAt, s => s.Id);

    [Fact]
    public void A_key_is_written_as_utc_ticks_dot_id_and_reads_back_the_same()
    {
        var key = new PageKey(new DateTimeOffset(2026, 3, 10, 14, 30, 5, TimeSpan.FromHours(2)).AddTicks(7), 4711);

        var text = key.ToString();

        Assert.Equal($"{key.At.UtcTicks}.4711", text);
        Assert.True(PageKey.TryParse(text, out var read));
        Assert.Equal(key.At.UtcTicks, read.At.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
        Assert.Equal(4711, read.Id);
        Assert.Equal(read, PageKey.Parse(text));
        Assert.Equal(read, NewestNotifications.Read(text));
        Assert.Equal(read, OldestSubmitted.Read(text));
    }

    [Fact]
    public void The_earliest_and_latest_instants_round_trip()
    {
        foreach (var at in new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue })
        {
            Assert.Equal(new PageKey(at, 1), PageKey.Parse(new PageKey(at, 1).ToString()));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abc")]
    [InlineData("not-a-key")]
    [InlineData("%00")]
    [InlineData("639000000000000000")]
    [InlineData("639000000000000000.")]
    [InlineData(".12")]
    [InlineData(".")]
    [InlineData("639000000000000000.12.3")]
    [InlineData("639000000000000000.12.")]
    [InlineData("639000000000000000-12")]
    [InlineData("-639000000000000000.12")]
    [InlineData("639000000000000000.-12")]
    [InlineData("-5.3")]
    [InlineData("639000000000000000.0")]
    [InlineData("+639000000000000000.12")]
    [InlineData(" 639000000000000000.12")]
    [InlineData("639000000000000000.12 ")]
    [InlineData("99999999999999999999.12")]
    [InlineData("3155378976000000000.12")]
    [InlineData("639000000000000000.99999999999999999999")]
    [InlineData("6.39e17.12")]
    [InlineData("0x10.12")]
    [InlineData("639000000000000000.1_2")]
    public void A_malformed_or_impossible_key_is_no_key(string? text)
    {
        Assert.False(PageKey.TryParse(text, out _));
        Assert.Null(PageKey.Parse(text));
        Assert.Null(NewestNotifications.Read(text));
        Assert.Null(OldestSubmitted.Read(text));
    }

    [Fact]
    public async Task A_key_whose_id_no_int_can_hold_is_no_key_for_a_list_of_int_ids_and_pages_from_the_top()
    {
        var text = $"{Now.UtcTicks}.{(long)int.MaxValue + 1}";
        var stories = await database.SubmittedStoriesAsync([Now, Now.AddMinutes(1)]);
        await using var db = database.Open();

        var page = await db.Stories.Where(s => stories.Contains(s.Id))
            .ToPageAsync(OldestSubmitted, PageKey.Parse(text), 10, s => s.Id, CancellationToken.None);

        Assert.NotNull(NewestNotifications.Read(text));
        Assert.Null(OldestSubmitted.Read(text));
        Assert.Equal(stories, page.Items);
        Assert.True(page.IsLast);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(45)]
    [InlineData(100)]
    public async Task Newest_first_rows_sharing_an_instant_page_through_completely_without_skip_or_repeat(int size)
    {
        var tie = Now.AddDays(-3);
        var instants = Enumerable.Repeat(tie, 40)
            .Concat(new[] { -5, 2, -1, 7, -30, 1, -2 }.Select(m => tie.AddMinutes(m)))
            .Concat(Enumerable.Repeat(tie.AddTicks(1), 5))
            .ToList();
        var (me, _) = await database.NotificationsAsync(instants);

        var expected = await OrderedAsync(db => db.Notifications.Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => n.Id));
        var seen = await PageThroughAsync(db => db.Notifications.Where(n => n.RecipientId == me), NewestNotifications, size, n => n.Id);

        Assert.Equal(instants.Count, expected.Count);
        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(60)]
    public async Task Oldest_first_rows_sharing_an_instant_page_through_completely_without_skip_or_repeat(int size)
    {
        var tie = Now.AddDays(-2);
        var instants = Enumerable.Repeat(tie, 25)
            .Concat(new[] { 3, -4, 1, -1 }.Select(m => tie.AddMinutes(m)))
            .Concat(Enumerable.Repeat(tie.AddTicks(-1), 4))
            .ToList();
        var ids = await database.SubmittedStoriesAsync(instants);

        var expected = await OrderedAsync(db => db.Stories.Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).Select(s => s.Id));
        var seen = await PageThroughAsync(db => db.Stories.Where(s => ids.Contains(s.Id)), OldestSubmitted, size, s => s.Id);

        Assert.Equal(instants.Count, expected.Count);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_page_starts_strictly_after_its_key_and_gives_the_key_of_its_last_row()
    {
        var at = Now.AddHours(-1);
        var (me, _) = await database.NotificationsAsync([at, at, at, at.AddMinutes(-1)]);
        await using var db = database.Open();
        var mine = db.Notifications.Where(n => n.RecipientId == me);
        var all = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => n.Id).ToListAsync();

        var first = await mine.ToPageAsync(NewestNotifications, null, 2, n => n.Id, CancellationToken.None);
        var second = await mine.ToPageAsync(NewestNotifications, first.Next, 2, n => n.Id, CancellationToken.None);

        Assert.Equal(all[..2], first.Items);
        Assert.Equal(new PageKey(at, all[1]), first.Next);
        Assert.Equal(all[2..], second.Items);
        Assert.True(second.IsLast);
    }

    [Fact]
    public async Task A_tampered_key_pointing_anywhere_shows_a_valid_page_of_only_the_readers_rows()
    {
        var at = Now.AddDays(-1);
        var instants = Enumerable.Range(0, 12).Select(i => at.AddMinutes(-(i / 3))).ToList();
        var (me, someoneElse) = await database.NotificationsAsync(instants);
        await using var db = database.Open();
        var theirs = await db.Notifications.Where(n => n.RecipientId == someoneElse)
            .Select(n => new { n.Id, n.CreatedAt }).ToListAsync();
        var mine = await db.Notifications.Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new { n.Id, n.CreatedAt }).ToListAsync();
        var keys = theirs.Select(t => new PageKey(t.CreatedAt, t.Id))
            .Append(new PageKey(DateTimeOffset.MaxValue, long.MaxValue))
            .Append(new PageKey(DateTimeOffset.MinValue, 1))
            .Append(new PageKey(at, long.MaxValue))
            .Append(new PageKey(at.AddMinutes(-2), 1))
            .Append(new PageKey(at.AddSeconds(-30), 123_456_789));

        foreach (var key in keys)
        {
            var page = await db.Notifications.Where(n => n.RecipientId == me)
                .ToPageAsync(NewestNotifications, NewestNotifications.Read(key.ToString()), 100, n => n.Id, CancellationToken.None);

            var expected = mine.Where(n => n.CreatedAt < key.At || (n.CreatedAt == key.At && n.Id < key.Id)).Select(n => n.Id);
            Assert.Equal(expected, page.Items);
            Assert.True(page.IsLast);
        }
    }

    [Fact]
    public async Task The_condition_is_sent_as_parameters_on_the_columns_themselves_so_the_index_can_seek()
    {
        await using var db = database.Open();
        var key = new PageKey(Now, 42);

        var newest = NewestNotifications.After(db.Notifications.Where(n => n.RecipientId == "x"), key, 20).ToQueryString();
        var oldest = OldestSubmitted.After(db.Stories, key, 20).ToQueryString();

        Assert.Contains("\"n\".\"CreatedAt\" < @", newest, StringComparison.Ordinal);
        Assert.Contains("\"n\".\"CreatedAt\" = @", newest, StringComparison.Ordinal);
        Assert.Contains("\"n\".\"Id\" < @", newest, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"n\".\"CreatedAt\" DESC, \"n\".\"Id\" DESC", newest, StringComparison.Ordinal);
        Assert.Contains("\"s\".\"SubmittedAt\" > @", oldest, StringComparison.Ordinal);
        Assert.Contains("\"s\".\"Id\" > @", oldest, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"s\".\"SubmittedAt\", \"s\".\"Id\"", oldest, StringComparison.Ordinal);
        Assert.DoesNotContain("CAST", newest + oldest, StringComparison.Ordinal);

        // The key's values are parameters (declared above the SQL), never literals: one cached plan for every page.
        var sql = string.Join('\n', newest.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        Assert.DoesNotContain(Now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), sql, StringComparison.Ordinal);
    }

    private async Task<List<TRow>> OrderedAsync<TRow>(Func<CareStoriesDbContext, IQueryable<TRow>> query)
    {
        await using var db = database.Open();
        return await query(db).ToListAsync();
    }

    /// <summary>Follows the next key from the first page to the last, as a reader following "older" links would.</summary>
    private async Task<List<TRow>> PageThroughAsync<T, TId, TRow>(
        Func<CareStoriesDbContext, IQueryable<T>> rows, Keyset<T, TId> keyset, int size, Expression<Func<T, TRow>> select)
        where TId : struct, IBinaryInteger<TId>
    {
        var seen = new List<TRow>();
        string? next = null;
        for (var pages = 1; ; pages++)
        {
            await using var db = database.Open();
            var page = await rows(db).ToPageAsync(keyset, keyset.Read(next), size, select, CancellationToken.None);
            Assert.InRange(page.Items.Count, page.IsLast ? 0 : size, size);
            seen.AddRange(page.Items);
            if (page.Next is null)
            {
                return seen;
            }

            next = page.Next.ToString();
            Assert.True(pages < 1000, "The next key never ran out.");
        }
    }

    /// <summary>This class's own database, built by the real migrations, kept for the life of the class.</summary>
    public sealed class Database : IDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:");
        private int _people;

        public Database()
        {
            _connection.Open();
            using var db = Open();
            db.Database.Migrate();
        }

        public CareStoriesDbContext Open() => CareStoriesDatabase.Create(_connection);

        /// <summary>Notifications for a new person at these instants, interleaved with as many for someone else.</summary>
        public async Task<(string Me, string SomeoneElse)> NotificationsAsync(IReadOnlyList<DateTimeOffset> instants)
        {
            await using var db = Open();
            var me = NewPerson();
            var someoneElse = NewPerson();
            db.Users.AddRange(me, someoneElse);
            foreach (var at in instants)
            {
                db.Notifications.Add(Notification.ThanksWaitingFor(me.Id, at));
                db.Notifications.Add(Notification.ThanksWaitingFor(someoneElse.Id, at));
            }

            await db.SaveChangesAsync();
            return (me.Id, someoneElse.Id);
        }

        /// <summary>Stories submitted at these instants, by a new author for a new team; their ids.</summary>
        public async Task<List<int>> SubmittedStoriesAsync(IReadOnlyList<DateTimeOffset> instants)
        {
            await using var db = Open();
            var author = NewPerson();
            var team = new Team($"Team {Guid.NewGuid():N}", TeamKind.CustomerFacing);
            db.Users.Add(author);
            db.Teams.Add(team);
            await db.SaveChangesAsync();

            var stories = instants.Select(at =>
            {
                var story = new Story(author.Id, Complete(), at.AddDays(-1));
                story.SetTeams([team.Id]);
                story.Submit(author.Id, at);
                return story;
            }).ToList();
            db.Stories.AddRange(stories);
            await db.SaveChangesAsync();
            return [.. stories.Select(s => s.Id)];
        }

        public void Dispose() => _connection.Dispose();

        private Person NewPerson()
        {
            var n = Interlocked.Increment(ref _people);
            return new Person($"person{n}@carestories.test", $"Person {n}", null, Now);
        }
    }
}
