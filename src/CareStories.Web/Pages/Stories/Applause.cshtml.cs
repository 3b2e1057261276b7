namespace CareStories.Web.Pages.Stories;

/// <summary>Anyone who can read a published story applauds it once, and may take the applause back.</summary>
public sealed class ApplauseModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    private const string AlreadyApplauded = "You had already applauded this story; your applause counts once.";

    public IActionResult OnGet() => BackToStory(null, "applause");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        if (await MyApplauseAsync(me, cancellationToken) is not null)
        {
            return BackToStory(AlreadyApplauded, "applause");
        }

        try
        {
            db.Applause.Add(Applause.Give(Facts, me, time.GetUtcNow()));
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two posts raced past the check; the key kept one applause.
            if (!await db.Applause.AnyAsync(a => a.StoryId == StoryId && a.PersonId == me, cancellationToken))
            {
                throw;
            }

            return BackToStory(AlreadyApplauded, "applause");
        }

        return BackToStory("You applauded this story.", "applause");
    }

    public async Task<IActionResult> OnPostTakeBackAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        if (await MyApplauseAsync(me, cancellationToken) is not { } mine)
        {
            return BackToStory("You had not applauded this story, so there was nothing to take back.", "applause");
        }

        db.Applause.Remove(mine);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken back by another post a moment ago: the outcome is the one asked for.
        }

        return BackToStory("Your applause was taken back.", "applause");
    }

    /// <summary>My applause for this story, if any: all that applauding or taking it back needs.</summary>
    private Task<Applause?> MyApplauseAsync(string me, CancellationToken cancellationToken) =>
        db.Applause.SingleOrDefaultAsync(a => a.StoryId == StoryId && a.PersonId == me, cancellationToken);
}
