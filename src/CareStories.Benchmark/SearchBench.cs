using System.Diagnostics;
using CareStories.Data;
using CareStories.Domain.Data;
using CareStories.Domain.Search;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Benchmark;

/// <summary>One search timed both ways: through the app's full-text search and by LIKE, one query at a time.</summary>
public sealed record SearchTiming(string Name, string Query, int Found, Percentiles FullText, Percentiles Like)
{
    public double Speedup => Like.P95.TotalMilliseconds / FullText.P95.TotalMilliseconds;
}

public sealed record Percentiles(TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    public static Percentiles Of(List<TimeSpan> times)
    {
        times.Sort();
        return new Percentiles(times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1]);
    }
}

/// <summary>
/// Times search on the generated database, side by side with the same search by LIKE: the same reader, the same
/// visibility rule, the same fields (title, the four story fields, quotes with the names they show, heroes, teams,
/// values), the first page of 20. Full-text search is timed through the app's own <see cref="IStorySearch"/>
/// (ranking and highlighting included); LIKE can only list matches newest first, which is what a LIKE search would do.
/// </summary>
public static class SearchBench
{
    public const int Runs = 200;

    /// <summary>LIKE reads every story for a rare word: fewer runs keep the benchmark's length reasonable.</summary>
    public const int LikeRuns = 10;
    private const int PageSize = 20;

    /// <summary>The place name the search page target and the first timing look for (in about 0.4% of stories).</summary>
    public static string PlaceWord => WordLists.Town(0);

    public static async Task<IReadOnlyList<SearchTiming>> MeasureAsync(
        DatabaseProvider provider, string connectionString, string readerEmail, CancellationToken cancellationToken)
    {
        await using var db = CareStoriesDatabase.Create(provider, connectionString);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var readerId = await db.Users.Where(u => u.Email == readerEmail).Select(u => u.Id).SingleAsync(cancellationToken);
        var viewer = await db.TeamMemberships.ViewerAsync(readerId, isAdmin: false, cancellationToken);
        var search = CareStoriesDatabase.SearchFor(db);
        var hero = await db.Users.Where(u => u.Email != readerEmail).OrderBy(u => u.Email).Select(u => u.DisplayName).FirstAsync(cancellationToken);

        (string Name, string Query)[] queries =
        [
            ("A place name (in ~0.4% of stories)", PlaceWord),
            ("A hero's full name", hero),
            ("Two common words (each in ~20% of stories)", "bakery terminal"),
        ];

        var timings = new List<SearchTiming>();
        foreach (var (name, query) in queries)
        {
            var terms = SearchTerms.Read(query);
            var request = new SearchRequest(terms, FeedFilter.None, null, PageSize, DateTimeOffset.UtcNow);
            var found = (await search.SearchAsync(request, viewer, cancellationToken)).Matches.Count;
            var fullText = await TimeAsync(() => search.SearchAsync(request, viewer, cancellationToken), Runs);
            var like = await TimeAsync(() => LikeAsync(db, viewer, terms, cancellationToken), LikeRuns);
            db.ChangeTracker.Clear();
            timings.Add(new SearchTiming(name, query, found, fullText, like));
            Console.WriteLine(FormattableString.Invariant(
                $"  Search \"{query}\": full text p50 {fullText.P50.TotalMilliseconds:0.0} ms, p95 {fullText.P95.TotalMilliseconds:0.0} ms, LIKE p95 {like.P95.TotalMilliseconds:0.0} ms"));
        }

        return timings;
    }

    /// <summary>
    /// The same search by LIKE: every word somewhere in the story, newest first. SQLite's LIKE ignores capitals;
    /// PostgreSQL's ILIKE does, over the names' deterministic collation (ILIKE refuses a case-insensitive one).
    /// </summary>
    public static Task<List<int>> LikeAsync(CareStoriesDbContext db, StoryViewer viewer, SearchTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stories = db.Stories.AsNoTracking().SearchableBy(viewer);
        foreach (var group in terms.Groups)
        {
            var pattern = "%" + string.Join(' ', group) + "%";
            if (db.Dialect == SqlDialect.PostgreSQL)
            {
                var collation = db.TextSearchCollation;
                stories = stories.Where(s =>
                    EF.Functions.ILike(s.Title, pattern)
                    || EF.Functions.ILike(s.Situation!, pattern)
                    || EF.Functions.ILike(s.ImmediateAction!, pattern)
                    || EF.Functions.ILike(s.Prevention!, pattern)
                    || EF.Functions.ILike(s.Outcome!, pattern)
                    || s.Quotes.Any(q => EF.Functions.ILike(q.Text, pattern)
                        || (q.Naming != CustomerNaming.Anonymous && EF.Functions.ILike(q.CustomerName!, pattern)))
                    || s.Heroes.Any(h => EF.Functions.ILike(EF.Functions.Collate(h.Person.DisplayName, collation), pattern))
                    || s.Teams.Any(t => EF.Functions.ILike(EF.Functions.Collate(t.Team.Name, collation), pattern))
                    || s.Values.Any(v => EF.Functions.ILike(EF.Functions.Collate(v.Value.Name, collation), pattern)));
                continue;
            }

            stories = stories.Where(s =>
                EF.Functions.Like(s.Title, pattern)
                || EF.Functions.Like(s.Situation!, pattern)
                || EF.Functions.Like(s.ImmediateAction!, pattern)
                || EF.Functions.Like(s.Prevention!, pattern)
                || EF.Functions.Like(s.Outcome!, pattern)
                || s.Quotes.Any(q => EF.Functions.Like(q.Text, pattern)
                    || (q.Naming != CustomerNaming.Anonymous && EF.Functions.Like(q.CustomerName!, pattern)))
                || s.Heroes.Any(h => EF.Functions.Like(h.Person.DisplayName, pattern))
                || s.Teams.Any(t => EF.Functions.Like(t.Team.Name, pattern))
                || s.Values.Any(v => EF.Functions.Like(v.Value.Name, pattern)));
        }

        return stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(PageSize + 1).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private static async Task<Percentiles> TimeAsync<T>(Func<Task<T>> run, int runs)
    {
        // A tenth as many runs first, not counted: compiled queries, the database's pages in the OS cache.
        for (var i = 0; i < Math.Max(2, runs / 10); i++)
        {
            await run();
        }

        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed);
        }

        return Percentiles.Of(times);
    }
}
