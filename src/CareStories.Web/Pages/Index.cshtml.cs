using CareStories.Domain.Data;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using CareStories.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages;

/// <summary>A welcome for visitors; for a signed-in person, where their stories stand and what to do next.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public IReadOnlyDictionary<StoryStatus, int> MyCounts { get; private set; } = new Dictionary<StoryStatus, int>();

    public IReadOnlyList<SentBack> NeedsAttention { get; private set; } = [];

    public IReadOnlyList<StoryLink> WaitingForMyTeams { get; private set; } = [];

    public IReadOnlyList<StoryLink> RecentlyPublished { get; private set; } = [];

    public sealed record SentBack(int Id, string Title, string? Comment);

    public sealed record StoryLink(int Id, string Title, string AuthorName, DateTimeOffset? At);

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
            // Stories from the people in the teams I manage (or tagged with those teams), oldest waiting first.
            var managed = db.TeamMemberships.Where(m => m.PersonId == me && m.IsManager).Select(m => m.TeamId);
            WaitingForMyTeams = await db.Stories.AsNoTracking()
                .Where(s => s.Status == StoryStatus.Submitted && s.AuthorId != me
                    && (s.Teams.Any(t => managed.Contains(t.TeamId)) || s.Author.Memberships.Any(m => managed.Contains(m.TeamId))))
                .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
                .Select(s => new StoryLink(s.Id, s.Title, s.Author.DisplayName, s.SubmittedAt))
                .Take(5)
                .ToListAsync(cancellationToken);
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
