using System.Globalization;
using CareStories.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareStories.Benchmark.Tests;

/// <summary>
/// The generator on PostgreSQL at a small size: the same seed and "now" give the same rows as on SQLite, and the
/// database ends as its migrations made it (keys, indexes, triggers, identity sequences, a search index that finds
/// what was written). Needs the PostgreSQL server the Web tests use (CARESTORIES_TEST_POSTGRES overrides it).
/// </summary>
public sealed class PostgresGeneratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private const int Stories = 2_000;
    private const int People = 150;

    private static readonly string Server = Environment.GetEnvironmentVariable("CARESTORIES_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : BenchmarkDatabase.DefaultPostgresServer;

    private readonly string _name = $"carestories_test_generator_{Guid.NewGuid():N}";
    private readonly string _fresh = $"carestories_test_migrated_{Guid.NewGuid():N}";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"carestories-generator-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        await ServerAsync($"""CREATE DATABASE "{_name}" """);
        await using var generator = new DataGenerator(Connection(_name), Stories, People, Now) { Provider = DatabaseProvider.PostgreSQL, Log = TextWriter.Null };
        await generator.GenerateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ServerAsync($"""DROP DATABASE IF EXISTS "{_name}" WITH (FORCE)""");
        await ServerAsync($"""DROP DATABASE IF EXISTS "{_fresh}" WITH (FORCE)""");
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_same_seed_and_time_make_the_same_rows_as_on_SQLite()
    {
        var sqlite = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();
        await using (var generator = new DataGenerator(sqlite, Stories, People, Now) { Log = TextWriter.Null })
        {
            await generator.GenerateAsync(CancellationToken.None);
        }

        await using var pg = CareStoriesDatabase.Create(DatabaseProvider.PostgreSQL, Connection(_name));
        await using var lite = CareStoriesDatabase.Create(DatabaseProvider.Sqlite, sqlite);

        Assert.Equal(await Stories_(lite), await Stories_(pg));
        Assert.Equal(await lite.Quotes.CountAsync(), await pg.Quotes.CountAsync());
        Assert.Equal(await lite.Celebrations.CountAsync(), await pg.Celebrations.CountAsync());
        Assert.Equal(await lite.Comments.CountAsync(), await pg.Comments.CountAsync());
        Assert.Equal(await lite.Fixes.CountAsync(), await pg.Fixes.CountAsync());
        Assert.Equal(
            await lite.FeaturedStories.OrderBy(f => f.StoryId).Select(f => f.StoryId).ToListAsync(),
            await pg.FeaturedStories.OrderBy(f => f.StoryId).Select(f => f.StoryId).ToListAsync());
    }

    [Fact]
    public async Task Keys_indexes_and_triggers_are_back_as_the_migrations_made_them()
    {
        await ServerAsync($"""CREATE DATABASE "{_fresh}" """);
        await using (var db = CareStoriesDatabase.Create(DatabaseProvider.PostgreSQL, Connection(_fresh)))
        {
            await db.Database.MigrateAsync();
        }

        const string schema = """
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT 'key ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
                FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
            ORDER BY 1
            """;
        Assert.Equal(await ColumnAsync(Connection(_fresh), schema), await ColumnAsync(Connection(_name), schema));
    }

    [Fact]
    public async Task Search_index_holds_every_searchable_story_and_new_rows_get_the_next_ids()
    {
        var connection = Connection(_name);
        var indexed = await ColumnAsync(connection, """SELECT COUNT(*) FROM "StorySearch" """);
        var searchable = await ColumnAsync(connection, """SELECT COUNT(*) FROM "Stories" WHERE "Status" IN (1, 2, 3)""");
        Assert.Equal(searchable, indexed);

        var found = await ColumnAsync(connection, $"""SELECT COUNT(*) FROM "StorySearch" WHERE "Document" @@ plainto_tsquery('carestories', '{SearchBench.PlaceWord}')""");
        var containing = await ColumnAsync(connection, $"""SELECT COUNT(*) FROM "Stories" WHERE "Status" IN (1, 2, 3) AND "Situation" LIKE '%{SearchBench.PlaceWord}%'""");
        Assert.True(found[0] != "0" && found.SequenceEqual(containing), $"Full text found {found[0]}, LIKE {containing[0]}.");

        // Every identity sequence continues after the largest id the fill wrote itself.
        var identities = await ColumnAsync(connection, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """);
        Assert.NotEmpty(identities);
        foreach (var identity in identities)
        {
            var (table, column) = (identity.Split('.')[0], identity.Split('.')[1]);
            var next = await ColumnAsync(connection,
                $"""SELECT nextval(pg_get_serial_sequence('"{table}"', '{column}')) > (SELECT COALESCE(MAX("{column}"), 0) FROM "{table}")""");
            Assert.True(next[0] == "True", $"{identity}'s next id is taken.");
        }
    }

    private static async Task<List<string>> Stories_(CareStories.Domain.Data.CareStoriesDbContext db) =>
        (await db.Stories.OrderBy(s => s.Id).Select(s => new { s.Id, s.Title, s.AuthorId, s.Status }).ToListAsync())
            .Select(s => $"{s.Id} {s.Title} {s.AuthorId} {s.Status}").ToList();

    private static string Connection(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = false }.ConnectionString;

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
