using CareStories.Domain.Fixes;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// A manager or leader celebrates a done fix with a badge and a message, as they would a story; the people credited
/// are told. Only those the Celebrate policy allows reach this page (CareStoriesApp).
/// </summary>
public sealed class CelebrateModel(CareStoriesDbContext db, IAuthorizationService authorization, TimeProvider time)
    : FixPageModel(db, authorization)
{
    [BindProperty]
    public Stories.CelebrateModel.CelebrationInput Celebration { get; set; } = new();

    public string Title { get; private set; } = "";

    public CelebrateForm? Form { get; private set; }

    public string? Refusal { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var badge = Celebration.BadgeId is { } badgeId ? await Db.Badges.SingleOrDefaultAsync(b => b.Id == badgeId, cancellationToken) : null;
        try
        {
            if (badge is null)
            {
                throw new DomainException("Choose a badge for your celebration.", nameof(Celebration.BadgeId));
            }

            if (await CelebratedAsync(me, cancellationToken))
            {
                throw new DomainException(FixCelebration.AlreadyCelebrated);
            }

            var facts = new FixRecognitionFacts(FixId, Facts.Status, Facts.CreditedIds);
            Db.FixCelebrations.Add(FixCelebration.Give(facts, me, badge, Celebration.Message, time.GetUtcNow()));
            // The unique (fix, celebrator) index keeps one when two posts race past the check above.
            await Db.SaveOrExplainAsync(async ct => await CelebratedAsync(me, ct) ? FixCelebration.AlreadyCelebrated : null, cancellationToken);
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainErrors(refusal, nameof(Celebration));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return BackToFix("Your celebration is on the fix, and the people who did it have been told.", "celebrations");
    }

    private Task<bool> CelebratedAsync(string me, CancellationToken cancellationToken) =>
        Db.FixCelebrations.AnyAsync(c => c.FixId == FixId && c.CelebratorId == me, cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        Title = await Db.Fixes.AsNoTracking().Where(f => f.Id == FixId).Select(f => f.Title).SingleAsync(cancellationToken);
        Refusal = Facts.Status != FixStatus.Done ? "Only a done fix can be celebrated."
            : Facts.CreditedIds.Contains(me) ? "You cannot celebrate a fix you are credited with."
            : await CelebratedAsync(me, cancellationToken) ? "You have celebrated this fix."
            : null;
        Form = Refusal is null ? FixChoices.CelebrateForm(FixId, await BadgeChoice.ReadAsync(Db, cancellationToken), Celebration, ModelState) : null;
    }
}
