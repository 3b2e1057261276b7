using CareStories.Domain.Fixes;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// On a story's page: the fixes it prompted and their status, the earlier story it repeats (and that story's fixes),
/// and the way to raise a fix or say it happened before. Only for published stories, which everyone signed in reads.
/// </summary>
public sealed class StoryFixesViewComponent(
    CareStoriesDbContext db, TimeProvider time, Freshness.SharedContentStamp stamp, Freshness.SharedContentCache cache) : ViewComponent
{
    public sealed record Shown(
        int StoryId,
        bool IsAuthor,
        IReadOnlyList<FixRow> Fixes,
        RepeatOf? Repeat,
        DateOnly Today);

    public sealed record RepeatOf(int StoryId, string Title, IReadOnlyList<FixRow> Fixes);

    /// <summary>
    /// What every reader of the story sees, read once per story page stamp (<see cref="Freshness.StoryPageStamp"/>): a
    /// change to this story's fixes renews this story's stamp or the stamp of changes shown on every story page (a
    /// fix's own row, and any story's link to a fix, which the fix's count of stories shows:
    /// <see cref="Domain.Freshness.StoryStamps"/>), so an applause on another story leaves it cached. A story that
    /// repeats an earlier one also shows that story (its title, whether it is still published, its fixes), which
    /// changes with the earlier story's own stamp: those few are kept under the shared stamp, as every page was.
    /// </summary>
    private sealed record SharedFixes(IReadOnlyList<FixRow> Fixes, RepeatOf? Repeat);

    public async Task<IViewComponentResult> InvokeAsync(int storyId, string authorId, StoryStatus status)
    {
        if (status != StoryStatus.Published)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var (storyStamp, storyKey) = await stamp.StoryPageKeyAsync(storyId, cancellationToken);
        var shared = await cache.GetOrLoadAsync(storyStamp, "fixes:" + storyKey, () => ReadAsync(storyId, cancellationToken));
        if (shared.Repeat is not null)
        {
            // Whether it repeats another is this story's own (its stamp covers it); what the other shows is not.
            shared = await cache.GetOrLoadAsync(
                await stamp.CurrentAsync(cancellationToken), $"fixes-repeat:{storyId}", () => ReadAsync(storyId, cancellationToken));
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return View("/Pages/Fixes/_StoryFixes.cshtml", new Shown(storyId, authorId == UserClaimsPrincipal.PersonId(), shared.Fixes, shared.Repeat, today));
    }

    private async Task<SharedFixes> ReadAsync(int storyId, CancellationToken cancellationToken)
    {
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

        return new SharedFixes(fixes, repeatOf);
    }
}
