using CareStories.Domain.Fixes;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// On a story's page: the fixes it prompted and their status, the earlier story it repeats (and that story's fixes),
/// and the way to raise a fix or say it happened before. Only for published stories, which everyone signed in reads.
/// </summary>
public sealed class StoryFixesViewComponent(CareStoriesDbContext db, TimeProvider time) : ViewComponent
{
    public sealed record Shown(
        int StoryId,
        bool IsAuthor,
        IReadOnlyList<FixRow> Fixes,
        RepeatOf? Repeat,
        DateOnly Today);

    public sealed record RepeatOf(int StoryId, string Title, IReadOnlyList<FixRow> Fixes);

    public async Task<IViewComponentResult> InvokeAsync(int storyId, string authorId, StoryStatus status)
    {
        if (status != StoryStatus.Published)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var fixes = await db.Fixes.AsNoTracking()
            .Where(f => f.Stories.Any(s => s.StoryId == storyId))
            .OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id)
            .Select(FixRow.Select)
            .ToListAsync(cancellationToken);
        var repeat = await db.StoryRepeats.AsNoTracking()
            .Where(r => r.StoryId == storyId)
            .Join(db.Stories.Where(s => s.Status == StoryStatus.Published), r => r.RepeatOfStoryId, s => s.Id, (r, s) => new { s.Id, s.Title })
            .SingleOrDefaultAsync(cancellationToken);
        RepeatOf? repeatOf = null;
        if (repeat is not null)
        {
            var earlierFixes = await db.Fixes.AsNoTracking()
                .Where(f => f.Stories.Any(s => s.StoryId == repeat.Id))
                .OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id)
                .Select(FixRow.Select)
                .ToListAsync(cancellationToken);
            repeatOf = new RepeatOf(repeat.Id, repeat.Title, earlierFixes);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return View("/Pages/Fixes/_StoryFixes.cshtml", new Shown(storyId, authorId == UserClaimsPrincipal.PersonId(), fixes, repeatOf, today));
    }
}
