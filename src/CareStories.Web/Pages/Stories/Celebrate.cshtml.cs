using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// A manager or leader celebrates a published story with a badge and a message; its people are told. The story
/// page carries the same form; a refused celebration comes back here with the message beside its field.
/// Only those the Celebrate policy allows reach this page (CareStoriesApp).
/// </summary>
public sealed class CelebrateModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    [BindProperty]
    public CelebrationInput Celebration { get; set; } = new();

    public string StoryTitle { get; private set; } = "";

    public CelebrateForm Form { get; private set; } = null!;

    /// <summary>Why this person cannot celebrate the story, when they cannot.</summary>
    public string? Refusal { get; private set; }

    // Checked by Celebration.Give, so its messages are the ones shown.
    public sealed class CelebrationInput
    {
        public int? BadgeId { get; set; }

        public string? Message { get; set; }
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var badge = Celebration.BadgeId is { } badgeId
            ? await db.Badges.SingleOrDefaultAsync(b => b.Id == badgeId, cancellationToken)
            : null;
        try
        {
            if (badge is null)
            {
                throw new DomainException("Choose a badge for your celebration.", nameof(CelebrationInput.BadgeId));
            }

            if (await CelebratedAsync(me, cancellationToken))
            {
                // "Once each" is the unique index; asking first gives the person-readable refusal without a failed save.
                throw new DomainException(Domain.Stories.Celebration.AlreadyCelebrated);
            }

            db.Celebrations.Add(Domain.Stories.Celebration.Give(Facts, me, badge, Celebration.Message, time.GetUtcNow()));
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(ex, cancellationToken);
        }

        try
        {
            // A second post of the same form can race the first past the check; the unique index keeps one.
            await db.SaveOrExplainAsync(
                async ct => await CelebratedAsync(me, ct) ? RecognitionRights.AlreadyCelebrated : null, cancellationToken);
        }
        catch (DomainException)
        {
            return BackToStory(RecognitionRights.AlreadyCelebrated, "celebrations");
        }

        return BackToStory("Your celebration is on the story, and the people in it have been told.", "celebrations");
    }

    private Task<bool> CelebratedAsync(string me, CancellationToken cancellationToken) =>
        db.Celebrations.AnyAsync(c => c.StoryId == StoryId && c.CelebratorId == me, cancellationToken);

    private async Task<IActionResult> RefusedAsync(DomainException refusal, CancellationToken cancellationToken)
    {
        ModelState.AddDomainErrors(refusal, nameof(Celebration));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var story = await db.Stories.AsNoTracking()
            .Where(s => s.Id == StoryId)
            .Select(s => new { s.Title, s.Status, Celebrated = db.Celebrations.Any(c => c.StoryId == s.Id && c.CelebratorId == me) })
            .SingleAsync(cancellationToken);
        StoryTitle = story.Title;
        var rights = RecognitionRights.For(Facts, me, new RecognitionRights.Roles(true, false, false), story.Celebrated);
        Refusal = story.Status != StoryStatus.Published ? "Only a published story can be celebrated." : rights.CelebrationNote;
        var badges = Refusal is null ? await BadgeChoice.ReadAsync(db, cancellationToken) : [];
        Form = new CelebrateForm(StoryId, badges, Celebration, ModelState);
    }
}

/// <summary>
/// The celebrate form as the story page and the celebrate page show it, with what was typed. A done fix is celebrated
/// with the same form: <paramref name="StoryId"/> is then the fix's id and <paramref name="Page"/> its celebrate page.
/// </summary>
public sealed record CelebrateForm(
    int StoryId, IReadOnlyList<BadgeChoice> Badges, CelebrateModel.CelebrationInput Input, ModelStateDictionary ModelState)
    : FormState(ModelState)
{
    public string Page { get; init; } = "/Stories/Celebrate";

    public string Heading { get; init; } = "Celebrate this story";

    public string MessageLabel { get; init; } = "Your message to the people in the story";

    public string Hint { get; init; } = "Say what they did well and why it mattered. They are told you celebrated it.";
}
