namespace CareStories.Web.Pages.Stories;

/// <summary>
/// A leader pins a published story to the top of the feed, or unpins it; a few stories at most are pinned at once.
/// Only those the FeatureStories policy allows reach this page (CareStoriesApp).
/// </summary>
public sealed class FeatureModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    public IActionResult OnGet() => BackToStory(null);

    /// <summary>
    /// Takes a free slot. The featuring table's unique slots hold the limit even when two leaders press at the same
    /// instant: the second save is refused and that leader is told.
    /// </summary>
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async me =>
        {
            db.FeaturedStories.Add(FeaturedStory.Feature(Facts, me, await db.FeaturedStories.ToListAsync(cancellationToken), time.GetUtcNow()));
            await db.SaveOrExplainAsync(ct => db.WhyNotFeaturedAsync(StoryId, ct), cancellationToken);
        }, "The story is featured: it is pinned to the top of the feed.");

    public Task<IActionResult> OnPostUnfeatureAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async _ =>
        {
            var featured = await db.FeaturedStories.SingleOrDefaultAsync(f => f.StoryId == StoryId, cancellationToken)
                ?? throw new DomainException("This story is not featured.");
            db.FeaturedStories.Remove(featured);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Unfeatured by another leader a moment ago: the outcome is the one asked for.
            }
        }, "The story is no longer featured.");

    private async Task<IActionResult> ChangeAsync(Func<string, Task> change, string done)
    {
        try
        {
            await change(User.PersonId());
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex);
        }

        return BackToStory(done);
    }
}
