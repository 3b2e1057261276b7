using CareStories.Domain.Settings;

namespace CareStories.Web.Pages;

/// <summary>A welcome for visitors; for a signed-in person, where their stories stand and what to do next.</summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time, IConfiguration configuration) : PageModel
{
    /// <summary>A leader's headline figures, shown instead of tiles about their own stories; null for everyone else.</summary>
    public Domain.Insights.HeadlineFigures? Headline { get; private set; }

    public IReadOnlyDictionary<StoryStatus, int> MyCounts { get; private set; } = new Dictionary<StoryStatus, int>();

    public IReadOnlyList<SentBack> NeedsAttention { get; private set; } = [];

    public IReadOnlyList<WaitingStory> WaitingForMyTeams { get; private set; } = [];

    public int ReviewOverdueDays { get; private set; }

    public IReadOnlyList<StoryLink> RecentlyPublished { get; private set; } = [];

    public sealed record SentBack(int Id, string Title, string? Comment);

    public sealed record StoryLink(int Id, string Title, string AuthorName, DateTimeOffset? At);

    public sealed record WaitingStory(int Id, string Title, string AuthorName, DateTimeOffset? SubmittedAt)
    {
        public Review.ReviewWait Wait { get; init; } = new(TimeSpan.Zero, false);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var me = User.PersonId();
        MyCounts = await db.Stories.AsNoTracking()
            .Where(s => s.AuthorId == me)
            .GroupBy(s => s.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        NeedsAttention = await db.Stories.AsNoTracking()
            .Where(s => s.AuthorId == me && s.Status == StoryStatus.ChangesRequested)
            .OrderBy(s => s.UpdatedAt)
            .Select(s => new SentBack(s.Id, s.Title, s.ReviewComment))
            .Take(5)
            .ToListAsync(cancellationToken);

        if (User.IsInRole(Roles.Manager))
        {
            // Stories from the people in the teams I manage (or tagged with those teams) that I may review,
            // oldest waiting first: the top of my review queue.
            ReviewOverdueDays = (await db.CompanySettings.CurrentAsync(cancellationToken)).ReviewOverdueDays;
            var now = time.GetUtcNow();
            var waiting = await db.Stories.AsNoTracking()
                .WaitingForReviewBy(db, me, isAdmin: false)
                .NotInvolving(me)
                .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
                .Select(s => new WaitingStory(s.Id, s.Title, s.Author.DisplayName, s.SubmittedAt))
                .Take(5)
                .ToListAsync(cancellationToken);
            WaitingForMyTeams = waiting.Select(w => w with { Wait = Review.ReviewWait.Of(w.SubmittedAt, now, ReviewOverdueDays) }).ToList();
        }

        if (User.IsInRole(Roles.Leader))
        {
            Headline = await Insights.LeaderHeadline.ReadAsync(db, time.GetUtcNow(), Insights.InsightsPageModel.Zone(configuration), cancellationToken);
        }

        RecentlyPublished = await db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Select(s => new StoryLink(s.Id, s.Title, s.Author.DisplayName, s.PublishedAt))
            .Take(6)
            .ToListAsync(cancellationToken);
    }

    public int Count(StoryStatus status) => MyCounts.GetValueOrDefault(status);
}
