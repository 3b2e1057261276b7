using Microsoft.EntityFrameworkCore.Migrations;

namespace CareStories.Domain.Data;

/// <summary>
/// PostgreSQL's full-text index behind search, the counterpart of <see cref="StorySearchIndex"/> (read that first:
/// the same stories are indexed, with the same texts, kept in step by triggers for the same reasons). A table
/// <c>"StorySearch"</c> holds each searchable story's texts and a weighted <c>tsvector</c> generated from them, under
/// a GIN index. Outside the EF model; the PostgreSQL migration calls <see cref="Create"/> and <see cref="Drop"/>.
/// </summary>
/// <remarks>
/// The text search configuration <c>carestories</c> reads words as FTS5's tokenizer does there: accents removed
/// (<c>unaccent</c>, a trusted extension PostgreSQL ships), English stemming ("refunded" finds "refund") and no stop
/// words, so every word typed counts. Weights follow the bm25 weights on SQLite in PostgreSQL's four classes: A title
/// and heroes, B quotes, teams and values, C the situation, the action and the outcome, D the prevention.
/// </remarks>
public static class PostgresStorySearchIndex
{
    public const string Table = StorySearchIndex.Table;

    /// <summary>The text search configuration the document and every query use.</summary>
    public const string Configuration = "carestories";

    /// <summary>The index's text columns, in <see cref="StorySearchIndex.Columns"/>' order, as PostgreSQL names them.</summary>
    public static readonly string[] Columns =
        ["Title", "Situation", "Action", "Prevention", "Outcome", "Quotes", "Heroes", "Teams", "CareValues"];

    private static readonly string SearchableStatuses = string.Join(", ",
        new[] { StoryStatus.Submitted, StoryStatus.ChangesRequested, StoryStatus.Published }.Select(s => (int)s));

    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql($"""
            CREATE TEXT SEARCH DICTIONARY {Configuration}_stem (TEMPLATE = snowball, Language = english);
            CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION {Configuration}
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                WITH unaccent, {Configuration}_stem;
            """);
        // Words are runs of letters and digits, as SearchTerms and FTS5 read them: PostgreSQL's own parser would read
        // "12-3f2a9c" as "12", "-3" and "f2a9c". ICU's root collation makes [:alnum:] mean letters in any alphabet.
        static string Vector(string weight, params string[] columns) =>
            $"setweight(to_tsvector('{Configuration}', regexp_replace({string.Join(" || ' ' || ", columns.Select(c => $"coalesce(\"{c}\", '')"))} COLLATE \"und-x-icu\", '[^[:alnum:]]+', ' ', 'g')), '{weight}')";
        migrationBuilder.Sql($"""
            CREATE TABLE "{Table}" (
                "StoryId" integer PRIMARY KEY,
                {string.Join(",\n    ", Columns.Select(c => $"\"{c}\" text NOT NULL DEFAULT ''"))},
                "Document" tsvector GENERATED ALWAYS AS (
                    {Vector("A", "Title", "Heroes")} || {Vector("B", "Quotes", "Teams", "CareValues")}
                    || {Vector("C", "Situation", "Action", "Outcome")} || {Vector("D", "Prevention")}) STORED
            );
            CREATE INDEX "IX_{Table}_Document" ON "{Table}" USING GIN ("Document");
            """);
        migrationBuilder.Sql(ReindexFunction());
        foreach (var sql in Triggers())
        {
            migrationBuilder.Sql(sql);
        }

        migrationBuilder.Sql($"""SELECT "{Table}_reindex"(ARRAY(SELECT "Id" FROM "Stories"));""");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var (table, _, _, _) in Watched)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_search" ON "{table}";""");
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{Table}_on_{table}"();""");
        }

        migrationBuilder.Sql($"""
            DROP FUNCTION IF EXISTS "{Table}_reindex"(integer[]);
            DROP TABLE IF EXISTS "{Table}";
            DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration};
            DROP TEXT SEARCH DICTIONARY IF EXISTS {Configuration}_stem;
            """);
    }

    /// <summary>
    /// Keeps each story's document in the table's own row (compressed) and moves the texts out to the TOAST table
    /// first when a row is too long. A broad search walks the newest stories testing each document: with the document
    /// moved out (PostgreSQL's default for the longest value) every test was a second lookup in the TOAST table, about
    /// three quarters of the walk's time. Only the page's 20 stories read their texts (for the marks). CLUSTER rewrites
    /// the rows already there in the new layout (in id order, the order the walk reads them); new rows get it as written.
    /// </summary>
    public static void KeepDocumentInline(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE "{Table}" ALTER COLUMN "Document" SET STORAGE MAIN;
            CLUSTER "{Table}" USING "{Table}_pkey";
            """);
    }

    /// <summary>Undoes <see cref="KeepDocumentInline"/>: the default layout for new rows, no clustering index.</summary>
    public static void LetDocumentMoveOut(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE "{Table}" ALTER COLUMN "Document" SET STORAGE EXTENDED;
            ALTER TABLE "{Table}" SET WITHOUT CLUSTER;
            """);
    }

    /// <summary>
    /// Each watched table, what change re-reads stories, which stories (an expression over "changed", the new or the
    /// old row), and the columns an update must really change to re-read them (<see cref="ReindexOnlyWhatChanged"/>).
    /// </summary>
    private static readonly (string Table, string Events, string Stories, string[] Compared)[] Watched =
    [
        ("Stories", """INSERT OR DELETE OR UPDATE OF "Title", "Situation", "ImmediateAction", "Prevention", "Outcome", "Status" """,
            """ARRAY[changed."Id"]""", ["Title", "Situation", "ImmediateAction", "Prevention", "Outcome"]),
        ("Quotes", """INSERT OR DELETE OR UPDATE OF "Text", "Naming", "CustomerName", "StoryId" """, """ARRAY[changed."StoryId"]""",
            ["Text", "Naming", "CustomerName", "StoryId"]),
        ("StoryHero", "INSERT OR DELETE", """ARRAY[changed."StoryId"]""", []),
        ("StoryTeam", "INSERT OR DELETE", """ARRAY[changed."StoryId"]""", []),
        ("StoryValue", "INSERT OR DELETE", """ARRAY[changed."StoryId"]""", []),
        // Renaming a person, team or value re-reads every story that names them.
        ("AspNetUsers", """UPDATE OF "DisplayName" """, """ARRAY(SELECT "StoryId" FROM "StoryHero" WHERE "PersonId" = changed."Id")""", ["DisplayName"]),
        ("Teams", """UPDATE OF "Name" """, """ARRAY(SELECT "StoryId" FROM "StoryTeam" WHERE "TeamId" = changed."Id")""", ["Name"]),
        ("Values", """UPDATE OF "Name" """, """ARRAY(SELECT "StoryId" FROM "StoryValue" WHERE "ValueId" = changed."Id")""", ["Name"]),
    ];

    /// <summary>
    /// Replaces the triggers' functions (<see cref="Create"/> made them re-read a story on every update they watch,
    /// twice for an update: once for the old row and once for the new) with ones that re-read only when the update
    /// changed what the story is found by, and each story once. Publishing a story (its status from waiting to
    /// published, both searchable) re-read its whole document twice, several milliseconds inside the publishing
    /// transaction; it now re-reads nothing, as nothing about what finds it changed. A story moving into or out of
    /// the searchable statuses, or any watched text really changing, still re-reads it.
    /// </summary>
    public static void ReindexOnlyWhatChanged(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var sql in TriggerFunctions(onlyWhatChanged: true))
        {
            migrationBuilder.Sql(sql);
        }
    }

    /// <summary>Undoes <see cref="ReindexOnlyWhatChanged"/>: the functions as <see cref="Create"/> made them.</summary>
    public static void ReindexOnEveryUpdate(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var sql in TriggerFunctions(onlyWhatChanged: false))
        {
            migrationBuilder.Sql(sql);
        }
    }

    private static IEnumerable<string> Triggers()
    {
        foreach (var ((table, events, _, _), function) in Watched.Zip(TriggerFunctions(onlyWhatChanged: false)))
        {
            yield return $$"""
                {{function}}
                CREATE TRIGGER "TR_{{table}}_search" AFTER {{events}} ON "{{table}}"
                    FOR EACH ROW EXECUTE FUNCTION "{{Table}}_on_{{table}}"();
                """;
        }
    }

    /// <summary>
    /// Each watched table's trigger function. A row trigger: "changed" is the new row, or the old one when it was
    /// deleted (and both when an update moved it).
    /// </summary>
    private static IEnumerable<string> TriggerFunctions(bool onlyWhatChanged)
    {
        foreach (var (table, _, stories, compared) in Watched)
        {
            if (!onlyWhatChanged)
            {
                yield return $$"""
                    CREATE OR REPLACE FUNCTION "{{Table}}_on_{{table}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
                    DECLARE
                        changed record;
                    BEGIN
                        IF TG_OP <> 'INSERT' THEN
                            changed := OLD;
                            PERFORM "{{Table}}_reindex"({{stories}});
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            changed := NEW;
                            PERFORM "{{Table}}_reindex"({{stories}});
                        END IF;
                        RETURN NULL;
                    END;
                    $body$;
                    """;
                continue;
            }

            var differences = compared.Select(c => $"""OLD."{c}" IS DISTINCT FROM NEW."{c}" """.TrimEnd()).ToList();
            if (table == "Stories")
            {
                differences.Add($"""(OLD."Status" IN ({SearchableStatuses})) <> (NEW."Status" IN ({SearchableStatuses}))""");
            }

            var unchanged = differences.Count == 0 ? string.Empty : $$"""
                        IF TG_OP = 'UPDATE' THEN
                            IF NOT ({{string.Join("\n                                OR ", differences)}}) THEN
                                RETURN NULL;
                            END IF;
                        END IF;
                """;
            yield return $$"""
                CREATE OR REPLACE FUNCTION "{{Table}}_on_{{table}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
                DECLARE
                    changed record;
                    stories integer[] := '{}';
                BEGIN
                {{unchanged}}
                    IF TG_OP <> 'INSERT' THEN
                        changed := OLD;
                        stories := stories || {{stories}};
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        changed := NEW;
                        stories := stories || {{stories}};
                    END IF;
                    PERFORM "{{Table}}_reindex"(ARRAY(SELECT DISTINCT unnest(stories)));
                    RETURN NULL;
                END;
                $body$;
                """;
        }
    }

    /// <summary>
    /// Deletes and re-inserts the index rows of the given stories, as <see cref="StorySearchIndex"/>'s triggers do
    /// on SQLite (a quote carries its customer's name only where the quote shows it).
    /// </summary>
    private static string ReindexFunction() => $$"""
        CREATE FUNCTION "{{Table}}_reindex"(story_ids integer[]) RETURNS void LANGUAGE sql AS $body$
            DELETE FROM "{{Table}}" WHERE "StoryId" = ANY(story_ids);
            {{Insert("""s."Id" = ANY(story_ids) AND """)}};
        $body$;
        """;

    /// <summary>
    /// Indexes every searchable story again in one statement, for a bulk fill that loaded the stories with the triggers
    /// off (the benchmark's generator): the function's own INSERT over all stories, without its list of ids.
    /// </summary>
    public static string RebuildAll => $"""DELETE FROM "{Table}"; {Insert("")};""";

    /// <summary>
    /// Indexes the searchable stories with ids in [<paramref name="from"/>, <paramref name="to"/>), on an empty index:
    /// a bulk fill runs a few ranges side by side, as building the documents is the costly part.
    /// </summary>
    public static string IndexRange(int from, int to) =>
        Insert(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""s."Id" >= {from} AND s."Id" < {to} AND """)) + ";";

    /// <summary>The index rows of the stories <paramref name="filter"/> (a condition and AND, or nothing) lets through.</summary>
    private static string Insert(string filter) => $$"""
            INSERT INTO "{{Table}}"("StoryId", {{string.Join(", ", Columns.Select(c => $"\"{c}\""))}})
            SELECT s."Id", s."Title", coalesce(s."Situation", ''), coalesce(s."ImmediateAction", ''), coalesce(s."Prevention", ''),
                coalesce(s."Outcome", ''),
                coalesce((SELECT string_agg(q."Text" || chr(9) || CASE WHEN q."Naming" <> 0 THEN coalesce(q."CustomerName", '') ELSE '' END, chr(10) ORDER BY q."Id")
                    FROM "Quotes" q WHERE q."StoryId" = s."Id"), ''),
                coalesce((SELECT string_agg(p."DisplayName", chr(10) ORDER BY p."DisplayName")
                    FROM "StoryHero" h JOIN "AspNetUsers" p ON p."Id" = h."PersonId" WHERE h."StoryId" = s."Id"), ''),
                coalesce((SELECT string_agg(t."Name" COLLATE "default", chr(10) ORDER BY t."Name" COLLATE "default")
                    FROM "StoryTeam" st JOIN "Teams" t ON t."Id" = st."TeamId" WHERE st."StoryId" = s."Id"), ''),
                coalesce((SELECT string_agg(v."Name" COLLATE "default", chr(10) ORDER BY v."Name" COLLATE "default")
                    FROM "StoryValue" sv JOIN "Values" v ON v."Id" = sv."ValueId" WHERE sv."StoryId" = s."Id"), '')
            FROM "Stories" s WHERE {{filter}}s."Status" IN ({{SearchableStatuses}})
        """;
}
