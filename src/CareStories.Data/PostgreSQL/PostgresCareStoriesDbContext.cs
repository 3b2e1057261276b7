using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareStories.Data.PostgreSQL;

/// <summary>
/// The model on PostgreSQL, for a company that outgrows one machine. Its migrations are <c>PostgreSQL/Migrations</c>,
/// generated from the same model as SQLite's. Instants are <c>timestamptz</c>, always written in UTC; names that must
/// be unique ignoring case use an ICU collation that compares at the "level 2" strength (letters and accents count,
/// capitals do not), which PostgreSQL calls nondeterministic.
/// </summary>
public sealed class PostgresCareStoriesDbContext(DbContextOptions<PostgresCareStoriesDbContext> options) : CareStoriesDbContext(options)
{
    public override SqlDialect Dialect => SqlDialect.PostgreSQL;

    /// <summary>ICU's root collation, which every ICU-enabled server has: deterministic, and upper() follows Unicode.</summary>
    public override string TextSearchCollation => "und-x-icu";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        base.OnModelCreating(builder);
        // A PostgreSQL index holds no row id, unlike SQLite's, which all carry the rowid: Insights' "about oneself"
        // (each story published in a period checked against its own heroes by its id and author) read the stories'
        // heap for the id, the largest table as its rows hold the texts. With the id carried in the index's leaves it
        // is an index-only scan (125–140 → 75–110 ms in psql for the benchmark's year, on a busy machine).
        builder.Entity<Story>().HasIndex(s => new { s.Status, s.PublishedAt, s.AuthorId }).IncludeProperties(s => s.Id);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Npgsql refuses a timestamptz with any offset but zero; an instant made in a reader's time zone (a report's
        // period, say) is the same instant in UTC, so it is turned into UTC on the way in rather than refused.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
    }

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v.ToUniversalTime());
}
