using System.Reflection;
using CareStories.Data;
using Npgsql;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// Which database this test assembly runs the app on. CareStories.Web.Tests runs on SQLite; CareStories.Web.Tests.PostgreSQL
/// compiles the same tests for PostgreSQL (its project file sets the assembly's <c>TestDatabaseProvider</c>), so
/// `dotnet test CareStories.sln` runs every Web test on both.
/// </summary>
public static class TestDatabase
{
    public static readonly DatabaseProvider Provider = CareStoriesDatabase.ParseProvider(
        typeof(TestDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TestDatabaseProvider")?.Value);

    public static bool IsPostgres => Provider == DatabaseProvider.PostgreSQL;

    /// <summary>The PostgreSQL server and a role that may create databases (CARESTORIES_TEST_POSTGRES overrides it).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("CARESTORIES_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=carestories;Password=carestories";
}

/// <summary>
/// One test class's own PostgreSQL database, cloned from a template the real migrations built once per test run
/// (CREATE DATABASE … TEMPLATE copies files, so a class costs a fraction of a second instead of a migration), and
/// dropped when the class is done.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private const string Prefix = "carestories_test_";
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public PostgresTestDatabase()
        : this(migrated: true)
    {
    }

    private PostgresTestDatabase(bool migrated)
    {
        Name = Prefix + Guid.NewGuid().ToString("N");
        Execute(migrated ? $"""CREATE DATABASE "{Name}" TEMPLATE "{Template.Value}" """ : $"""CREATE DATABASE "{Name}" """);
        ConnectionString = For(Name);
    }

    /// <summary>A database with nothing in it, not even the migrations, for tests of how the app starts on one.</summary>
    public static PostgresTestDatabase Empty() => new(migrated: false);

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends the sessions still open, but a session that connects between that and the drop makes it fail
        // ("being accessed by other users"): seen once in CI at a class's clean-up. Try again a few times before failing.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""");
                return;
            }
            catch (PostgresException exception) when (attempt < 5)
            {
                Console.Error.WriteLine($"Dropping test database {Name} failed ({exception.SqlState}: {exception.MessageText}); trying again.");
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private static string For(string database) =>
        new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = database }.ConnectionString;

    /// <summary>
    /// The template for this build of the migrations (named after the data and domain assemblies' build ids), made by running them
    /// on a scratch database renamed into place at the end, so a run stopped halfway leaves no half-made template.
    /// Templates of older builds are dropped.
    /// </summary>
    private static string CreateTemplate()
    {
        // The migrations are in the data assembly, the SQL they call (search index, triggers) in the domain's.
        var build = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. typeof(CareStoriesDatabase).Assembly.ManifestModule.ModuleVersionId.ToByteArray(),
             .. typeof(CareStories.Domain.Data.CareStoriesDbContext).Assembly.ManifestModule.ModuleVersionId.ToByteArray()]))[..16];
        var name = $"{Prefix}template_{build}";
        var existing = Query($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}template%'");
        if (existing.Contains(name))
        {
            return name;
        }

        foreach (var old in existing)
        {
            TryExecute($"""DROP DATABASE IF EXISTS "{old}" WITH (FORCE)""");
        }

        var scratch = $"{Prefix}scratch_{Guid.NewGuid():N}";
        var scratchConnection = new NpgsqlConnectionStringBuilder(For(scratch)) { Pooling = false }.ConnectionString;
        using (var db = CareStoriesDatabase.Create(DatabaseProvider.PostgreSQL, scratchConnection))
        {
            db.Database.Migrate();
        }

        Execute($"""ALTER DATABASE "{scratch}" RENAME TO "{name}" """);
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(For("postgres")) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void TryExecute(string sql)
    {
        try
        {
            Execute(sql);
        }
        catch (PostgresException)
        {
            // Another run may still be using an old template; it is dropped by a later run.
        }
    }

    private static List<string> Query(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(For("postgres")) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}

/// <summary>A test that is about SQLite itself (its query planner, its files): run on SQLite, skipped on PostgreSQL with why.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}
