using System.Globalization;
using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Search;

/// <summary>
/// Search on PostgreSQL's own index (<see cref="PostgresStorySearchIndex"/>): the same two commands a page as
/// <see cref="SqliteStorySearch"/>, the same visibility and filters joined in before paging, the same marks. The rank is
/// <c>ts_rank</c> negated, so lower is better as with FTS5's bm25 and the page key works alike.
/// </summary>
public sealed class PostgresStorySearch(CareStoriesDbContext db, int rankedMatches = SqliteStorySearch.RankedMatches) : IStorySearch
{
    private const string Config = PostgresStorySearchIndex.Configuration;

    public async Task<SearchPage> SearchAsync(SearchRequest request, StoryViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.IsEmpty)
        {
            return SearchPage.Empty;
        }

        var (query, words) = TsQuery(request.Terms, request.AnyWord);
        // The query's text is ours (functions and parameter placeholders); the words go in as parameters. As on SQLite,
        // ts_rank reads every match's document, so a broad search ranks only the newest matches (ids grow with time),
        // whatever the reader may see: the rankedMatches newest, the same stories as SQLite's "id at or above the
        // rankedMatches-th newest match's id". Asked this way PostgreSQL finds them in one walk down the newest ids
        // (or one sort of a rare word's few matches) and ranks just those; the cut-off as a subquery walked twice and
        // made a rare word's plan read the whole primary key for "id at or above 0".
        // The ranked matches come out already in the page's order (best rank, then newest), and the page is ordered
        // by those same columns, so PostgreSQL checks each story's visibility in rank order and stops at the page's
        // end: about 20 lookups into the stories instead of one per ranked match (2,000 for two common words).
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT r."StoryId", r."Rank" FROM (
                SELECT m."StoryId" AS "StoryId", (-ts_rank(m."Document", {query}))::float8 AS "Rank"
                FROM (SELECT i."StoryId", i."Document" FROM "StorySearch" AS i WHERE i."Document" @@ {query}
                    ORDER BY i."StoryId" DESC LIMIT {rankedMatches}) AS m) AS r
            ORDER BY r."Rank", r."StoryId" DESC
            """);
        var hits = db.Database.SqlQueryRaw<RankedId>(sql, words);
        var visible = db.Stories.AsNoTracking().SearchableBy(viewer).Matching(db, request.Filter, request.Now);
        var ranked = hits.Join(visible, h => h.StoryId, s => s.Id, (h, s) => new Hit { Id = h.StoryId, Rank = h.Rank, Status = s.Status, PublishedAt = s.PublishedAt });
        if (request.After is { } after)
        {
            ranked = ranked.Where(h => h.Rank > after.Rank || (h.Rank == after.Rank && h.Id < after.Id));
        }

        var rows = await ranked.OrderBy(h => h.Rank).ThenByDescending(h => h.Id)
            .Take(request.Size + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(request.Size).ToList();
        var next = rows.Count > request.Size ? new SearchKey(page[^1].Rank, page[^1].Id) : null;
        if (page.Count == 0)
        {
            return SearchPage.Empty;
        }

        var marked = (await MarkedAsync(query, words, page.Select(h => h.Id), cancellationToken)).ToDictionary(m => m.StoryId);
        var matches = page.Where(h => marked.ContainsKey(h.Id))
            .Select(h => SqliteStorySearch.ToMatch(h.Id, h.Status, h.PublishedAt, marked[h.Id]))
            .ToList();
        return new SearchPage(matches, next);
    }

    /// <summary>
    /// The tsquery for the words: each word or quoted phrase is a parameter read by <c>phraseto_tsquery</c>, which
    /// treats everything as plain words, so nothing typed is ever tsquery syntax; joined by <c>&amp;&amp;</c> (all of
    /// them) or <c>||</c> (any).
    /// </summary>
    private static (string Sql, object[] Words) TsQuery(SearchTerms terms, bool anyWord)
    {
        var words = terms.Groups.Select(g => (object)string.Join(' ', g)).ToArray();
        var parts = Enumerable.Range(0, words.Length)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"phraseto_tsquery('{Config}', {{{i}}})"));
        return ("(" + string.Join(anyWord ? " || " : " && ", parts) + ")", words);
    }

    /// <summary>
    /// The page's stories with the matching words marked by <c>ts_headline</c> over each whole text (HighlightAll),
    /// so the marks fall on what the query matched, stemmed and without accents, and the text is otherwise unchanged.
    /// </summary>
    private async Task<List<SqliteStorySearch.MarkedRow>> MarkedAsync(string query, object[] words, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        const string options = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true'";
        var columns = PostgresStorySearchIndex.Columns.Zip(StorySearchIndex.Columns)
            .Select(c => $"""ts_headline('{Config}', i."{c.First}", {query}, {options}) AS "{SqliteStorySearch.Pascal(c.Second)}" """);
        var idList = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = $"""
            SELECT i."StoryId" AS "StoryId", {string.Join(", ", columns)}
            FROM "StorySearch" AS i WHERE i."StoryId" IN ({idList})
            """;
        return await db.Database.SqlQueryRaw<SqliteStorySearch.MarkedRow>(sql, words).ToListAsync(cancellationToken);
    }

    private sealed record RankedId(int StoryId, double Rank);

    private sealed record Hit
    {
        public int Id { get; init; }

        public double Rank { get; init; }

        public StoryStatus Status { get; init; }

        public DateTimeOffset? PublishedAt { get; init; }
    }
}
