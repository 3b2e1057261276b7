using System.Globalization;
using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Search;

/// <summary>
/// Search on SQLite's FTS5 index (<see cref="StorySearchIndex"/>). Two commands a page: the ranked ids, with the
/// reader's visibility and the feed's filters applied in the same SQL before paging (so nothing they may not open is
/// ever counted or skipped over); then the marked text of the page's few stories.
/// </summary>
public sealed class SqliteStorySearch(CareStoriesDbContext db, int rankedMatches = SqliteStorySearch.RankedMatches) : IStorySearch
{
    /// <summary>
    /// The most matches a search ranks: beyond this, the newest this many (by story id) are ranked. The app always uses
    /// this; the constructor takes another number only so tests can see the cut-off with a few stories.
    /// </summary>
    public const int RankedMatches = 2_000;

    public async Task<SearchPage> SearchAsync(SearchRequest request, StoryViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.IsEmpty)
        {
            return SearchPage.Empty;
        }

        var match = request.Terms.ToFts5(request.AnyWord);
        // Ranking costs for every match (bm25 reads each one's word positions), so words in a fifth of all stories
        // would take tens of milliseconds; a search that broad ranks the newest matches only (ids grow with time), which
        // a reader of a broad search expects on top anyway. Rarer words are ranked over every match.
        var hits = db.Database.SqlQuery<RankedId>($"""
            SELECT rowid AS "StoryId", rank AS "Rank" FROM "StorySearch" WHERE "StorySearch" MATCH {match}
            AND rowid >= coalesce((SELECT rowid FROM "StorySearch" WHERE "StorySearch" MATCH {match}
                ORDER BY rowid DESC LIMIT 1 OFFSET {rankedMatches - 1}), 0)
            """);
        var visible = db.Stories.AsNoTracking().SearchableBy(viewer).Matching(db, request.Filter, request.Now);
        var ranked = hits.Join(visible, h => h.StoryId, s => s.Id, (h, s) => new Hit { Id = s.Id, Rank = h.Rank, Status = s.Status, PublishedAt = s.PublishedAt });
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

        var marked = (await MarkedAsync(match, page.Select(h => h.Id), cancellationToken)).ToDictionary(m => m.StoryId);
        var matches = page.Where(h => marked.ContainsKey(h.Id)).Select(h => ToMatch(h.Id, h.Status, h.PublishedAt, marked[h.Id])).ToList();
        return new SearchPage(matches, next);
    }

    /// <summary>
    /// The page's stories with their matching words marked, by FTS5's own highlight(), so the marks fall exactly on
    /// what the index matched (stemmed and without accents). Ids are numbers, written into the SQL as such; the
    /// query is a parameter.
    /// </summary>
    private async Task<List<MarkedRow>> MarkedAsync(string match, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var columns = StorySearchIndex.Columns
            .Select((c, i) => $"""coalesce(highlight("StorySearch", {i}, char(2), char(3)), '') AS "{Pascal(c)}" """);
        var idList = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = $$"""
            SELECT rowid AS "StoryId", {{string.Join(", ", columns)}}
            FROM "StorySearch" WHERE "StorySearch" MATCH {0} AND rowid IN ({{idList}})
            """;
        return await db.Database.SqlQueryRaw<MarkedRow>(sql, match).ToListAsync(cancellationToken);
    }

    internal static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>A page's row of marked texts as the pages show it (shared with <see cref="PostgresStorySearch"/>).</summary>
    internal static SearchMatch ToMatch(int id, StoryStatus status, DateTimeOffset? publishedAt, MarkedRow row)
    {
        var fields = new List<SearchField>();
        void Add(SearchFieldKind kind, string text)
        {
            if (text.Length > 0)
            {
                fields.Add(new SearchField(kind, text));
            }
        }

        Add(SearchFieldKind.Situation, row.Situation);
        Add(SearchFieldKind.ImmediateAction, row.Action);
        Add(SearchFieldKind.Prevention, row.Prevention);
        Add(SearchFieldKind.Outcome, row.Outcome);
        var quotes = Items(row.Quotes)
            .Select(line =>
            {
                var tab = line.LastIndexOf(StorySearchIndex.AttributionSeparator);
                return tab < 0 ? new SearchQuote(line, "") : new SearchQuote(line[..tab], line[(tab + 1)..]);
            })
            .Where(q => q.Text.Length > 0 || q.Attribution.Length > 0)
            .ToList();
        return new SearchMatch(
            id, status, publishedAt, row.Title, fields, quotes, Items(row.Heroes), Items(row.Teams), Items(row.CareValues));
    }

    private static List<string> Items(string column) =>
        [.. column.Split(StorySearchIndex.ItemSeparator, StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>A row of the FTS query; an unmapped type, so the index stays out of the EF model.</summary>
    private sealed record RankedId(int StoryId, double Rank);

    // Member initialisers, not a constructor, so EF Core can still filter and sort on the members after the join.
    private sealed record Hit
    {
        public int Id { get; init; }

        public double Rank { get; init; }

        public StoryStatus Status { get; init; }

        public DateTimeOffset? PublishedAt { get; init; }
    }

    internal sealed record MarkedRow(
        int StoryId, string Title, string Situation, string Action, string Prevention, string Outcome,
        string Quotes, string Heroes, string Teams, string CareValues);
}
