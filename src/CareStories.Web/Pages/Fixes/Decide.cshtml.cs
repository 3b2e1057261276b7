using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// The owning team's managers accept a proposed fix, naming its owner, or decline it with a reason. Anyone else
/// answers 403 (<see cref="FixOperations.Decide"/>); a refusal comes back here with the message beside its field.
/// </summary>
public sealed class DecideModel(CareStoriesDbContext db, IAuthorizationService authorization, TimeProvider time)
    : FixPageModel(db, authorization)
{
    protected override OperationAuthorizationRequirement Operation => FixOperations.Decide;

    [BindProperty]
    public DecideInput Input { get; set; } = new();

    public string Title { get; private set; } = "";

    public DecideForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Facts.Status != FixStatus.Proposed)
        {
            return RedirectToPage("Details", new { id = FixId });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        DecideAsync(fix => fix.Accept(Facts.ActorFor(User.PersonId()), Input.OwnerId, Input.TargetDate, Today, time.GetUtcNow()), "Accepted. The owner has been told it is theirs.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        DecideAsync(fix => fix.Decline(Facts.ActorFor(User.PersonId()), Input.DeclineReason, time.GetUtcNow()), "Declined. The person who raised it has been told why.", cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> DecideAsync(Action<Fix> decide, string done, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A date that does not parse already has its message; nothing is decided.
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var fix = await LoadFixAsync(cancellationToken);
            if (Input.OwnerId is { Length: > 0 } ownerId && !await Db.Users.AnyAsync(u => u.Id == ownerId && u.DeactivatedAt == null, cancellationToken))
            {
                throw new DomainException("Choose someone who works here now.", nameof(DecideInput.OwnerId));
            }

            decide(fix);
            await Db.SaveFixAsync(FixId, cancellationToken);
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainErrors(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return BackToFix(done);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var fix = await Db.Fixes.AsNoTracking().Where(f => f.Id == FixId).Select(f => new { f.Title, f.Status }).SingleAsync(cancellationToken);
        Title = fix.Title;
        Form = fix.Status == FixStatus.Proposed
            ? new DecideForm(FixId, await FixChoices.TeamPeopleAsync(Db, Facts.TeamId, null, cancellationToken), Input, Today, ModelState)
            : null;
    }
}
