using System.Data.Common;
using CareStories.Data.PostgreSQL;
using CareStories.Data.SQLite;
using CareStories.Domain.Data;
using CareStories.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Data;

/// <summary>The databases CareStories runs on, as named by the setting <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite, embedded in the app: the default, for a newcomer and a small company.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL, for several app instances over one database.</summary>
    PostgreSQL = 1,
}

/// <summary>
/// The one place a database provider is chosen: the web host, the benchmark, the tools and the tests all build the
/// DbContext through here, so each gets the same subtype, migrations, collation and search for a provider.
/// </summary>
public static class CareStoriesDatabase
{
    /// <summary>The setting that names the provider: <c>Sqlite</c> (default) or <c>PostgreSQL</c>.</summary>
    public const string ProviderSetting = "Database:Provider";

    /// <summary>The name under <c>ConnectionStrings</c> of the database's connection string, for either provider.</summary>
    public const string ConnectionStringName = "CareStories";

    /// <summary>Reads a provider's name as people write it; empty is SQLite; anything else unknown is refused with what is allowed.</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSQL,
        _ => throw new InvalidOperationException(
            $"{ProviderSetting} is \u201c{name}\u201d; it must be Sqlite (the default) or PostgreSQL."),
    };

    /// <summary>Configures <paramref name="options"/> for the provider over <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.PostgreSQL => options.UseNpgsql(PostgresSessionSettings.Apply(connectionString)),
            _ => options.UseSqlite(connectionString).AddSqliteServices(),
        };
    }

    /// <summary>
    /// A context outside any host (tools, the benchmark, tests), for either provider. Dispose it when done.
    /// </summary>
    public static CareStoriesDbContext Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.PostgreSQL => new PostgresCareStoriesDbContext(
            Configured(new DbContextOptionsBuilder<PostgresCareStoriesDbContext>(), provider, connectionString).Options),
        _ => new SqliteCareStoriesDbContext(
            Configured(new DbContextOptionsBuilder<SqliteCareStoriesDbContext>(), provider, connectionString).Options),
    };

    private static DbContextOptionsBuilder<T> Configured<T>(DbContextOptionsBuilder<T> options, DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        options.UseProvider(provider, connectionString);
        return options;
    }

    /// <summary>
    /// A SQLite context over a connection the caller opened and keeps (an in-memory database, a bulk load). The
    /// connection gets the collation and text functions here, as EF Core will not open it.
    /// </summary>
    public static CareStoriesDbContext Create(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            throw new ArgumentException("Only a SQLite connection can be handed over open; give PostgreSQL a connection string.", nameof(connection));
        }

        if (sqlite.State == System.Data.ConnectionState.Open)
        {
            SqliteTextFunctions.Register(sqlite);
            SqliteWriterSettings.Apply(sqlite);
        }

        var options = new DbContextOptionsBuilder<SqliteCareStoriesDbContext>();
        options.UseSqlite(sqlite).AddSqliteServices();
        return new SqliteCareStoriesDbContext(options.Options);
    }

    /// <summary>
    /// What every SQLite context gets: the text functions and the writer settings on each connection, and the
    /// migrations' SQL order.
    /// </summary>
    private static DbContextOptionsBuilder AddSqliteServices(this DbContextOptionsBuilder options) => options
        .AddInterceptors(SqliteTextFunctions.Instance, SqliteWriterSettings.Instance)
        .ReplaceService<IMigrationsSqlGenerator, LateSqlMigrationsSqlGenerator>();

    /// <summary>Full-text search on this context's own index.</summary>
    public static IStorySearch SearchFor(CareStoriesDbContext db) => db.Dialect switch
    {
        SqlDialect.PostgreSQL => new PostgresStorySearch(db),
        _ => new SqliteStorySearch(db),
    };

    /// <summary>
    /// Registers the context for the provider as its subtype and as <see cref="CareStoriesDbContext"/> (what the app,
    /// Identity and the key store ask for: one instance per scope), and the matching search.
    /// </summary>
    public static IServiceCollection AddCareStoriesDatabase(
        this IServiceCollection services,
        DatabaseProvider provider,
        Func<IServiceProvider, string> connectionString,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        void Options(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            options.UseProvider(provider, connectionString(sp));
            configure?.Invoke(sp, options);
            // services.ConfigureDbContext<CareStoriesDbContext>(...) (tests add interceptors this way) reaches the
            // subtype too, so nobody has to know which provider's subtype is registered.
            foreach (var configuration in sp.GetServices<IDbContextOptionsConfiguration<CareStoriesDbContext>>())
            {
                configuration.Configure(sp, options);
            }
        }

        // Pooled: a request borrows a context already built instead of building one (its services, its change tracker).
        if (provider == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContextPool<PostgresCareStoriesDbContext>(Options);
            services.AddScoped<CareStoriesDbContext>(sp => sp.GetRequiredService<PostgresCareStoriesDbContext>());
        }
        else
        {
            services.AddDbContextPool<SqliteCareStoriesDbContext>(Options);
            services.AddScoped<CareStoriesDbContext>(sp => sp.GetRequiredService<SqliteCareStoriesDbContext>());
        }

        services.AddScoped(sp => SearchFor(sp.GetRequiredService<CareStoriesDbContext>()));
        return services;
    }
}
