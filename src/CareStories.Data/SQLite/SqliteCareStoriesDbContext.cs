using CareStories.Domain.Data;
using CareStories.Domain.Stories;
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Insights reads a period's submissions and review decisions by status and time. On SQLite the index also
        // holds every other column those reads ask for (the status before, the submission a decision answers, the
        // story, the comment that marks a story published without review), so a year's 31,000 submissions and
        // 31,000 decisions are read from the index alone rather than each from its row: in the sqlite3 shell on the
        // benchmark's data, the submitted trend 49-77 -> 34-52 ms and the review waits 33-50 -> 21-32 ms. The comment
        // is short (at most 1,000 characters) and set on few decisions. PostgreSQL keeps the narrow index: its index
        // entries must fit a third of a page, which a comment of 1,000 characters need not.
        var changes = builder.Entity<StoryStatusChange>();
        var narrow = changes.Metadata.FindIndex(
            [changes.Metadata.GetProperty(nameof(StoryStatusChange.To)), changes.Metadata.GetProperty(nameof(StoryStatusChange.At))])
            ?? throw new InvalidOperationException("The status changes' (To, At) index, which SQLite widens here, is no longer in the shared model.");
        changes.Metadata.RemoveIndex(narrow);
        changes.HasIndex(h => new { h.To, h.At, h.From, h.SubmittedAt, h.StoryId, h.Comment });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
