using CareStories.Domain;
using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using CareStories.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// A leader pins a published story to the top of the feed, or unpins it; a few stories at most are pinned at once.
/// Only those the FeatureStories policy allows reach this page (CareStoriesApp).
/// </summary>
public sealed class FeatureModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    public IActionResult OnGet() => BackToStory(null);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async (story, me, now) =>
        {
            var featuredNow = await db.Stories.CountAsync(s => s.FeaturedAt != null, cancellationToken);
            story.Feature(me, featuredNow, now);
        }, "The story is featured: it is pinned to the top of the feed.", cancellationToken);

    public Task<IActionResult> OnPostUnfeatureAsync(CancellationToken cancellationToken) =>
        ChangeAsync((story, _, _) =>
        {
            story.Unfeature();
            return Task.CompletedTask;
        }, "The story is no longer featured.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        Func<Story, string, DateTimeOffset, Task> change, string done, CancellationToken cancellationToken)
    {
        var story = await db.Stories.SingleAsync(s => s.Id == StoryId, cancellationToken);
        try
        {
            await change(story, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex);
        }

        await db.SaveChangesAsync(cancellationToken);
        return BackToStory(done);
    }
}
