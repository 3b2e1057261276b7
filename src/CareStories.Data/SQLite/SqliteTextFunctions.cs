using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareStories.Data.SQLite;

/// <summary>
/// What SQLite lacks for text in any alphabet, given to every connection the app opens. Its own NOCASE collation
/// and upper()/lower() know only A to Z, so "Équipe" and "équipe" would both be allowed as team names and a search
/// for "émile" would miss "Émile". SQLite lets a connection define collations and replace built-in functions; this
/// interceptor does so as each connection opens, before EF Core runs anything on it.
/// </summary>
public sealed class SqliteTextFunctions : DbConnectionInterceptor
{
    public static readonly SqliteTextFunctions Instance = new();

    private static readonly CompareInfo Invariant = CultureInfo.InvariantCulture.CompareInfo;

    private SqliteTextFunctions()
    {
    }

    /// <summary>
    /// Registers the collation and functions on one connection. Call it for a connection opened outside EF Core
    /// before handing it over (an open connection is not opened again, so the interceptor never sees it).
    /// </summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Ignoring case only, not accents: "Equipe" and "Équipe" stay two names, as on PostgreSQL's collation.
        connection.CreateCollation(CareStories.Domain.Data.CareStoriesDbContext.CaseInsensitiveCollation,
            (x, y) => Invariant.Compare(x, y, CompareOptions.IgnoreCase));
        connection.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
        connection.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Register(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
