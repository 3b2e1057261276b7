using CareStories.Domain.Fixes;
using CareStories.Web.Pages.Shared;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// On a person's record: the done fixes they are credited with, newest first, with the stories each prevents and the
/// badges it was celebrated with. Recognition for prevention counts on the same record as stories.
/// </summary>
public sealed class PersonFixesViewComponent(CareStoriesDbContext db) : ViewComponent
{
    public const int MostShown = 10;

    public sealed record Shown(string PersonId, string Name, bool IsMe, int Total, IReadOnlyList<FixCard> Fixes);

    public async Task<IViewComponentResult> InvokeAsync(string personId, string name, bool isMe)
    {
        var credited = db.Fixes.AsNoTracking().Where(f => f.Status == FixStatus.Done && f.Credits.Any(c => c.PersonId == personId));
        var total = await credited.CountAsync(HttpContext.RequestAborted);
        var ids = await credited.OrderByDescending(f => f.DoneAt).ThenByDescending(f => f.Id).Select(f => f.Id).Take(MostShown).ToListAsync(HttpContext.RequestAborted);
        var cards = await FixCard.ReadAsync(db, ids, HttpContext.RequestAborted);
        return View("/Pages/Fixes/_PersonFixes.cshtml", new Shown(personId, name, isMe, total, cards));
    }
}

/// <summary>A done fix as the feed and a person's record show it: what changed, who did it, the stories it prevents, its badges.</summary>
public sealed record FixCard(
    int Id,
    string Title,
    string WhatChanged,
    string TeamName,
    DateTimeOffset DoneAt,
    IReadOnlyList<FixView.PersonLink> Credited,
    IReadOnlyList<FixView.StoryLink> Stories,
    IReadOnlyList<BadgeChipView> Badges)
{
    /// <summary>The cards for these done fixes, in their order, in four commands however many there are.</summary>
    public static async Task<IReadOnlyList<FixCard>> ReadAsync(CareStoriesDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var fixes = await db.Fixes.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Title, f.WhatChanged, TeamName = f.Team.Name, f.DoneAt })
            .ToListAsync(cancellationToken);
        var credits = await db.FixCredits.AsNoTracking()
            .Where(c => ids.Contains(c.FixId))
            .OrderBy(c => c.Person.DisplayName)
            .Select(c => new { c.FixId, Person = new FixView.PersonLink(c.PersonId, c.Person.DisplayName) })
            .ToListAsync(cancellationToken);
        var stories = await db.FixStories.AsNoTracking()
            .Where(s => ids.Contains(s.FixId) && s.Story.Status == StoryStatus.Published)
            .OrderBy(s => s.Story.PublishedAt)
            .Select(s => new { s.FixId, Story = new FixView.StoryLink(s.StoryId, s.Story.Title) })
            .ToListAsync(cancellationToken);
        var badges = await db.FixCelebrations.AsNoTracking()
            .Where(c => ids.Contains(c.FixId))
            .OrderBy(c => c.At)
            .Select(c => new { c.FixId, Badge = new BadgeChipView(c.Badge.Name, c.Badge.Emoji, c.Badge.Colour) })
            .ToListAsync(cancellationToken);
        var byId = fixes.ToDictionary(f => f.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(f => new FixCard(
            f.Id,
            f.Title,
            f.WhatChanged ?? "",
            f.TeamName,
            f.DoneAt ?? default,
            [.. credits.Where(c => c.FixId == f.Id).Select(c => c.Person)],
            [.. stories.Where(s => s.FixId == f.Id).Select(s => s.Story)],
            [.. badges.Where(b => b.FixId == f.Id).Select(b => b.Badge)]))];
    }
}
