using CareStories.Domain.Paging;
using CareStories.Domain.Settings;
using CareStories.Domain.Thanks;
using CareStories.Web.Thanks;

namespace CareStories.Web.Pages.Review;

/// <summary>
/// The review queue: stories waiting for the signed-in manager (their teams' stories) or Admin (everyone's),
/// oldest first, the ones that have waited too long marked. Stories the person wrote or is credited in are listed
/// but left for another reviewer.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    // Oldest first: the longest-waiting stories lead.
    private static readonly Keyset<Story, int> LongestWaiting = Keyset.OldestFirst((Story s) => s.SubmittedAt, s => s.Id);

    public IReadOnlyList<Row> Stories { get; private set; } = [];

    /// <summary>How many waiting stories this person may review, and how many of those are overdue.</summary>
    public int ReviewableCount { get; private set; }

    public int OverdueCount { get; private set; }

    public int OverdueDays { get; private set; } = CompanySettings.DefaultReviewOverdueDays;

    public bool IsAdmin { get; private set; }

    /// <summary>The key of the last row shown, for the "show more" link; null on the last page.</summary>
    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    /// <summary>Customers' thank-yous this person may approve, shown as a link to their queue.</summary>
    public int ThanksWaitingCount { get; private set; }

    public sealed record Row(
        int Id,
        string Title,
        string AuthorName,
        DateTimeOffset SubmittedAt,
        IReadOnlyList<string> Heroes,
        IReadOnlyList<string> Teams,
        bool IWroteIt,
        bool CreditsMe)
    {
        public ReviewWait Wait { get; init; } = new(TimeSpan.Zero, false);

        public bool IsReviewable => !IWroteIt && !CreditsMe;
    }

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        IsAdmin = User.IsInRole(Roles.Admin);
        var now = time.GetUtcNow();
        OverdueDays = (await db.CompanySettings.CurrentAsync(cancellationToken)).ReviewOverdueDays;
        var cutoff = now.AddDays(-OverdueDays);
        var queue = db.Stories.AsNoTracking().WaitingForReviewBy(db, me, IsAdmin);

        var counts = await queue.NotInvolving(me)
            .GroupBy(s => s.SubmittedAt < cutoff)
            .Select(g => new { Overdue = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ReviewableCount = counts.Sum(c => c.Count);
        OverdueCount = counts.Where(c => c.Overdue).Sum(c => c.Count);

        var key = LongestWaiting.Read(after);
        IsFirstPage = key is null;

        // The page's own columns first, then its heroes and teams by the page's ids (each list in the order the
        // database sorts names): a split query repeated the queue's whole filter, every waiting story against the
        // reviewer's teams, once for each of the two lists.
        var page = await queue.ToPageAsync(
            LongestWaiting,
            key,
            PageSize,
            s => new Row(
                s.Id,
                s.Title,
                s.Author.DisplayName,
                s.SubmittedAt ?? s.UpdatedAt,
                Array.Empty<string>(),
                Array.Empty<string>(),
                s.AuthorId == me,
                s.Heroes.Any(h => h.PersonId == me)),
            cancellationToken);
        Next = page.Next?.ToString();
        var ids = page.Items.Select(r => r.Id).ToList();
        var heroes = ids.Count == 0 ? [] : await db.Set<StoryHero>().AsNoTracking()
            .Where(h => ids.Contains(h.StoryId))
            .OrderBy(h => h.Person.DisplayName)
            .Select(h => new { h.StoryId, h.Person.DisplayName })
            .ToListAsync(cancellationToken);
        var teams = ids.Count == 0 ? [] : await db.Set<StoryTeam>().AsNoTracking()
            .Where(t => ids.Contains(t.StoryId))
            .OrderBy(t => t.Team.Name)
            .Select(t => new { t.StoryId, t.Team.Name })
            .ToListAsync(cancellationToken);
        var heroesOf = heroes.ToLookup(h => h.StoryId, h => h.DisplayName);
        var teamsOf = teams.ToLookup(t => t.StoryId, t => t.Name);

        ThanksWaitingCount = await db.CustomerThanks.AsNoTracking()
            .Where(t => t.Status == ThanksStatus.Waiting)
            .DecidableBy(db, me, IsAdmin)
            .CountAsync(cancellationToken);

        Stories = page.Items.Select(r => r with
        {
            Heroes = [.. heroesOf[r.Id]],
            Teams = [.. teamsOf[r.Id]],
            Wait = ReviewWait.Of(r.SubmittedAt, now, OverdueDays),
        }).ToList();
    }

}
