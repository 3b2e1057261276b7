using Microsoft.EntityFrameworkCore.Migrations;

namespace CareStories.Domain.Data;

/// <summary>
/// The SQLite full-text index behind search: an FTS5 table with one row per searchable story (rowid = story id)
/// and the triggers that keep it in step. It lives outside the EF model (search reads it through
/// <c>Database.SqlQuery</c>), so the model snapshot never mentions it; the migration calls <see cref="Create"/> and
/// <see cref="Drop"/> in one line each, so a regenerated migration only needs those two lines again.
/// </summary>
/// <remarks>
/// Why triggers rather than updating the index from <c>SaveChanges</c>: the index is a copy of what the database
/// already holds, so the database keeps it. Every writer is covered the same way and in the same transaction: the
/// app's aggregates, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, a cascade, the demo seeder, the benchmark's bulk fill
/// and any fix an operator runs by hand. An app-side index would miss each of those the day someone forgets it.
/// Only stories that may be searched at all (waiting for review, sent back, published) are indexed; a draft or a
/// withdrawn story leaves the index, so its words are never even stored there.
/// </remarks>
public static class StorySearchIndex
{
    public const string Table = "StorySearch";

    /// <summary>The index's columns, in order; <see cref="Weights"/> gives each one's weight in the ranking.</summary>
    public static readonly string[] Columns =
        ["title", "situation", "action", "prevention", "outcome", "quotes", "heroes", "teams", "care_values"];

    /// <summary>bm25 weights per column: a word in the title or a hero's name counts most.</summary>
    private const string Weights = "10.0, 2.0, 2.0, 1.0, 2.0, 3.0, 6.0, 4.0, 4.0";

    /// <summary>Separates quotes, names and tags inside a column (a line break: the tokenizer skips it).</summary>
    public const char ItemSeparator = '\n';

    /// <summary>Separates a quote's words from who it is from, as far as they are shown.</summary>
    public const char AttributionSeparator = '\t';

    /// <summary>Statuses whose stories are indexed: waiting for review, sent back, published.</summary>
    private static readonly string SearchableStatuses = string.Join(", ",
        new[] { StoryStatus.Submitted, StoryStatus.ChangesRequested, StoryStatus.Published }.Select(s => (int)s));

    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // porter: "refunded" finds "refund"; remove_diacritics: "cafe" finds "café".
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{Table}" USING fts5({string.Join(", ", Columns)}, tokenize = 'porter unicode61 remove_diacritics 2');
            """);
        migrationBuilder.Sql($"""INSERT INTO "{Table}"("{Table}", rank) VALUES('rank', 'bm25({Weights})');""");
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql(trigger.Sql);
        }

        // Stories already in the database are indexed once, by the same statement the triggers use.
        migrationBuilder.Sql(Reindex("""IN (SELECT "Id" FROM "Stories")"""));
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger.Name}";""");
        }

        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{Table}";""");
    }

    /// <summary>
    /// Removes the triggers before a migration rebuilds a table they read or watch. SQLite changes a column (its
    /// collation, say) by copying the table into a new one, dropping the old and renaming the copy; the rename checks
    /// every trigger in the schema, and one that reads the dropped table fails it. Call
    /// <see cref="CreateTriggers"/> at the end of the same migration.
    /// </summary>
    public static void DropTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger.Name}";""");
        }
    }

    /// <summary>
    /// Creates the triggers again after <see cref="DropTriggers"/> and the rebuild. EF Core writes a migration's table
    /// rebuilds after all its other operations, so these statements carry <see cref="AfterTableRebuilds"/>, which the
    /// SQLite migrations' SQL generator (CareStories.Data) moves after the rebuilds.
    /// </summary>
    public static void CreateTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql(trigger.Sql).Annotation(AfterTableRebuilds, true);
        }
    }

    /// <summary>Marks a SQL operation to run after the migration's table rebuilds rather than before them.</summary>
    public const string AfterTableRebuilds = "CareStories:AfterTableRebuilds";

    private sealed record Trigger(string Name, string Sql);

    /// <summary>Every change that alters what a story can be found by re-reads that story's row.</summary>
    private static IEnumerable<Trigger> Triggers()
    {
        var story = "Stories";
        yield return On("AFTER INSERT", story, """= NEW."Id" """);
        yield return On("AFTER UPDATE OF \"Title\", \"Situation\", \"ImmediateAction\", \"Prevention\", \"Outcome\", \"Status\"", story, """= NEW."Id" """, "update");
        yield return new("TR_Stories_search_delete", $"""
            CREATE TRIGGER "TR_Stories_search_delete" AFTER DELETE ON "Stories" BEGIN
                DELETE FROM "{Table}" WHERE rowid = OLD."Id";
            END;
            """);

        yield return On("AFTER INSERT", "Quotes", """= NEW."StoryId" """);
        yield return On("AFTER UPDATE OF \"Text\", \"Naming\", \"CustomerName\"", "Quotes", """= NEW."StoryId" """, "update");
        yield return On("AFTER DELETE", "Quotes", """= OLD."StoryId" """);
        foreach (var link in new[] { "StoryHero", "StoryTeam", "StoryValue" })
        {
            yield return On("AFTER INSERT", link, """= NEW."StoryId" """);
            yield return On("AFTER DELETE", link, """= OLD."StoryId" """);
        }

        // Renaming a person, team or value re-reads every story that names them.
        yield return On("AFTER UPDATE OF \"DisplayName\"", "AspNetUsers",
            """IN (SELECT "StoryId" FROM "StoryHero" WHERE "PersonId" = NEW."Id")""", "rename");
        yield return On("AFTER UPDATE OF \"Name\"", "Teams",
            """IN (SELECT "StoryId" FROM "StoryTeam" WHERE "TeamId" = NEW."Id")""", "rename");
        yield return On("AFTER UPDATE OF \"Name\"", "Values",
            """IN (SELECT "StoryId" FROM "StoryValue" WHERE "ValueId" = NEW."Id")""", "rename");
    }

    private static Trigger On(string when, string table, string stories, string? verb = null)
    {
        var name = $"TR_{table}_search_{verb ?? when.Split(' ')[1].ToLowerInvariant()}";
        return new(name, $"""
            CREATE TRIGGER "{name}" {when} ON "{table}" BEGIN
            {Reindex(stories)}
            END;
            """);
    }

    /// <summary>
    /// Deletes and re-inserts the index rows of the stories whose id is <paramref name="stories"/> (a condition such
    /// as <c>= NEW."StoryId"</c>). A quote is indexed with its customer's name only where the quote shows it.
    /// </summary>
    private static string Reindex(string stories) => $"""
        DELETE FROM "{Table}" WHERE rowid {stories};
        INSERT INTO "{Table}"(rowid, {string.Join(", ", Columns)})
        SELECT s."Id", s."Title", s."Situation", s."ImmediateAction", s."Prevention", s."Outcome",
            (SELECT group_concat(q."Text" || char(9) || CASE WHEN q."Naming" <> 0 THEN coalesce(q."CustomerName", '') ELSE '' END, char(10))
                FROM "Quotes" q WHERE q."StoryId" = s."Id"),
            (SELECT group_concat(p."DisplayName", char(10))
                FROM "StoryHero" h JOIN "AspNetUsers" p ON p."Id" = h."PersonId" WHERE h."StoryId" = s."Id"),
            (SELECT group_concat(t."Name", char(10))
                FROM "StoryTeam" st JOIN "Teams" t ON t."Id" = st."TeamId" WHERE st."StoryId" = s."Id"),
            (SELECT group_concat(v."Name", char(10))
                FROM "StoryValue" sv JOIN "Values" v ON v."Id" = sv."ValueId" WHERE sv."StoryId" = s."Id")
        FROM "Stories" s WHERE s."Id" {stories} AND s."Status" IN ({SearchableStatuses});
        """;
}
