using CareStories.Domain.Settings;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The author moves their story along: submits it for review (or publishes it, where the company asks for no
/// review), withdraws it, or reopens a withdrawn story as a draft. A refused move goes back to the story with why.
/// </summary>
public sealed class StatusModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    protected override OperationAuthorizationRequirement Operation => StoryOperations.Change;

    public IActionResult OnGet() => BackToStory(null);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        var story = await LoadAsync(cancellationToken);
        var me = User.PersonId();
        try
        {
            story.Submit(me, time.GetUtcNow(), settings.PublishWithoutReview);
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex);
        }

        // Whoever should hear of it is told by the story's events, in this same save.
        await db.SaveChangesAsync(cancellationToken);
        return BackToStory(story.Status == StoryStatus.Published
            ? "Your story is published: everyone can read it now. Your company publishes stories without a manager's review."
            : "Your story was submitted. A manager of your team will review it.");
    }

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        MoveAsync((story, me, now) => story.Withdraw(me, now),
            "Your story was withdrawn. It is no longer shared; you can reopen it as a draft.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        MoveAsync((story, me, now) => story.Reopen(me, now),
            "The story is a draft again. Change it and submit it when ready.", cancellationToken);

    private async Task<IActionResult> MoveAsync(Action<Story, string, DateTimeOffset> move, string done, CancellationToken cancellationToken)
    {
        var story = await LoadAsync(cancellationToken);
        try
        {
            move(story, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex);
        }

        await db.SaveChangesAsync(cancellationToken);
        return BackToStory(done);
    }

    private Task<Story> LoadAsync(CancellationToken cancellationToken) =>
        db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == StoryId, cancellationToken);
}
