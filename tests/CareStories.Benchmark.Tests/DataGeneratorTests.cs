using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStories.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Benchmark.Tests;

/// <summary>
/// The generator at a small size: the same seed and "now" give the same rows, the database ends as the migrations
/// made it (indexes, triggers, a search index that finds what was written), and the data carries what Insights and
/// the ledger read. One generated database is shared by the class; the determinism test makes two more.
/// </summary>
public sealed class DataGeneratorTests : IClassFixture<DataGeneratorTests.Generated>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private const int Stories = 3_000;
    private const int People = 200;

    /// <summary>Columns that are random on purpose: a salted password hash and a thank-you link's secret.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal) { "AspNetUsers.PasswordHash", "ThankYouLinks.Token" };

    private readonly Generated _data;

    public DataGeneratorTests(Generated data) => _data = data;

    public sealed class Generated : IAsyncLifetime
    {
        public string File { get; } = Path.Combine(Path.GetTempPath(), $"carestories-generator-{Guid.NewGuid():N}.db");

        public GeneratedData Data { get; private set; } = null!;

        public async Task InitializeAsync() => Data = await GenerateAsync(File);

        public Task DisposeAsync()
        {
            DeleteDatabase(File);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_same_seed_and_time_make_the_same_data()
    {
        var again = Path.Combine(Path.GetTempPath(), $"carestories-generator-{Guid.NewGuid():N}.db");
        try
        {
            await GenerateAsync(again);
            var first = await DigestAsync(_data.File);
            var second = await DigestAsync(again);
            Assert.Equal(first.Keys.Order(), second.Keys.Order());
            Assert.All(first, table => Assert.Equal(table.Value, second[table.Key]));
            Assert.True(first["Stories"].Rows == Stories, $"{first["Stories"].Rows} stories were written.");
        }
        finally
        {
            DeleteDatabase(again);
        }
    }

    [Fact]
    public async Task Indexes_and_triggers_are_back_as_the_migrations_made_them()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"carestories-migrated-{Guid.NewGuid():N}.db");
        try
        {
            await using var migrated = new SqliteConnection(Connection(fresh));
            await migrated.OpenAsync();
            await using (var db = CareStoriesDatabase.Create(migrated))
            {
                await db.Database.MigrateAsync();
            }

            const string schema = "SELECT type || ' ' || name || ' ' || sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY 1";
            Assert.Equal(await ColumnAsync(Connection(fresh), schema), await ColumnAsync(Connection(_data.File), schema));
        }
        finally
        {
            DeleteDatabase(fresh);
        }
    }

    [Fact]
    public async Task Search_index_holds_every_searchable_story_and_finds_a_place_name()
    {
        var connection = Connection(_data.File);
        var indexed = await ScalarAsync(connection, "SELECT COUNT(*) FROM StorySearch");
        var searchable = await ScalarAsync(connection, "SELECT COUNT(*) FROM Stories WHERE Status IN (1, 2, 3)");
        Assert.Equal(searchable, indexed);

        var found = await ScalarAsync(connection, $"SELECT COUNT(*) FROM StorySearch WHERE StorySearch MATCH '{SearchBench.PlaceWord}'");
        var containing = await ScalarAsync(connection, $"SELECT COUNT(*) FROM Stories WHERE Status IN (1, 2, 3) AND Situation LIKE '%{SearchBench.PlaceWord}%'");
        Assert.True(found > 0 && found == containing, $"FTS found {found}, LIKE {containing}.");
    }

    [Fact]
    public async Task Spend_comes_in_several_currencies_within_and_over_the_limit()
    {
        var connection = Connection(_data.File);
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(DISTINCT SpendCurrency) FROM Stories WHERE SpendCurrency IS NOT NULL") >= 3);
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM StoryLatitudes WHERE OverLimitReason IS NOT NULL") > 0);
        Assert.True(await ScalarAsync(connection,
            "SELECT COUNT(*) FROM StoryLatitudes l JOIN Stories s ON s.Id = l.StoryId WHERE l.OverLimitReason IS NULL AND s.SpendCurrency = l.LimitCurrency") > 0);
        Assert.Equal(0, await ScalarAsync(connection,
            "SELECT COUNT(*) FROM Stories s WHERE s.SpendAmount IS NOT NULL AND s.Status <> 0 AND NOT EXISTS (SELECT 1 FROM StoryLatitudes l WHERE l.StoryId = s.Id)"));
    }

    [Fact]
    public async Task Fixes_are_open_done_declined_and_overdue_across_teams()
    {
        var connection = Connection(_data.File);
        var statuses = await ColumnAsync(connection, "SELECT DISTINCT Status FROM Fixes ORDER BY 1");
        Assert.Equal(["0", "1", "2", "3", "4"], statuses);
        var today = DateOnly.FromDateTime(Now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(await ScalarAsync(connection, $"SELECT COUNT(*) FROM Fixes WHERE Status IN (1, 2) AND TargetDate < '{today}'") > 0);
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(DISTINCT TeamId) FROM Fixes") >= 5);
    }

    [Fact]
    public async Task Thank_yous_celebrations_and_people_who_changed_teams_are_there()
    {
        var connection = Connection(_data.File);
        var thanks = await ColumnAsync(connection, "SELECT DISTINCT Status FROM CustomerThanks ORDER BY 1");
        Assert.True(thanks is ["0", "1", "2"], $"Thank-you statuses: {string.Join(", ", thanks)}.");
        Assert.True(await ScalarAsync(connection, "SELECT COUNT(DISTINCT BadgeId) FROM Celebrations") >= 3);

        // Credited in a story of a team they are no longer in: they moved.
        Assert.True(await ScalarAsync(connection, """
            SELECT COUNT(DISTINCT h.PersonId) FROM StoryHero h JOIN Stories s ON s.Id = h.StoryId
            WHERE s.AuthorId = h.PersonId AND NOT EXISTS (SELECT 1 FROM StoryTeam st JOIN TeamMemberships m ON m.TeamId = st.TeamId
                WHERE st.StoryId = s.Id AND m.PersonId = h.PersonId)
            """) > 0);
    }

    [Fact]
    public async Task Stories_reach_the_last_weeks_and_nothing_happens_after_now()
    {
        // Times are stored as UTC ticks: the newest published story falls within the last 30 days (so "last 30 days"
        // figures have data), and no applause, comment, celebration or thank-you is dated after the run's "now".
        var connection = Connection(_data.File);
        var now = Now.UtcTicks;
        var monthAgo = Now.AddDays(-30).UtcTicks;
        Assert.True(await ScalarAsync(connection, $"SELECT COUNT(*) FROM Stories WHERE Status = 3 AND PublishedAt >= {monthAgo}") > 0);
        foreach (var (table, column) in new[] { ("Applause", "At"), ("Comments", "CreatedAt"), ("Celebrations", "At"), ("CustomerThanks", "ReceivedAt"), ("Stories", "PublishedAt") })
        {
            Assert.Equal(0, await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" > {now}"));
        }
    }

    private static async Task<GeneratedData> GenerateAsync(string file)
    {
        await using var generator = new DataGenerator(Connection(file), Stories, People, Now) { Log = TextWriter.Null };
        return await generator.GenerateAsync(CancellationToken.None);
    }

    private static string Connection(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private sealed record TableDigest(long Rows, string Hash);

    /// <summary>Every table's rows in rowid order, hashed, leaving out the columns that are random on purpose.</summary>
    private static async Task<Dictionary<string, TableDigest>> DigestAsync(string file)
    {
        // ChangeStamps holds a random value renewed by every save (the shared-content cache's key), not generated data.
        var tables = await ColumnAsync(Connection(file),
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'StorySearch_%' AND name NOT IN ('__EFMigrationsHistory', 'ChangeStamps')");
        var digests = new Dictionary<string, TableDigest>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(Connection(file));
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = Secrets.Contains($"{table}.{reader.GetName(i)}") ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
                }
            }

            digests[table] = new TableDigest(rows, Convert.ToHexString(hash.GetHashAndReset()));
        }

        return digests;
    }

    private static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void DeleteDatabase(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            System.IO.File.Delete(file + suffix);
        }
    }
}
