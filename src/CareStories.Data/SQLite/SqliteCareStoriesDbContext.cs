using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Data.SQLite;

/// <summary>
/// The model on SQLite, the embedded default. Its migrations are <c>SQLite/Migrations</c> (the ids the app always
/// had, so databases made before PostgreSQL came keep working). Instants are stored as UTC ticks, and every connection
/// gets the Unicode case-insensitive collation from <see cref="SqliteTextFunctions"/> (add it with
/// <see cref="CareStoriesDatabase"/>, which every way of building this context goes through).
/// </summary>
public sealed class SqliteCareStoriesDbContext(DbContextOptions<SqliteCareStoriesDbContext> options) : CareStoriesDbContext(options)
{
    public override SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>SQLite's own; its upper() is replaced on every connection by one that knows every alphabet.</summary>
    public override string TextSearchCollation => "BINARY";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
