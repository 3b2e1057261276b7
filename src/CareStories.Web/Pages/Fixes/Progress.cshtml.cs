using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// The owner or the owning team's managers start the work on an accepted fix and mark it done with one line on what
/// changed, crediting who did it. Anyone else answers 403 (<see cref="FixOperations.Move"/>).
/// </summary>
public sealed class ProgressModel(CareStoriesDbContext db, IAuthorizationService authorization, TimeProvider time)
    : FixPageModel(db, authorization)
{
    protected override OperationAuthorizationRequirement Operation => FixOperations.Move;

    [BindProperty]
    public DoneInput Input { get; set; } = new();

    public string Title { get; private set; } = "";

    public ProgressForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Facts.Status is not (FixStatus.Accepted or FixStatus.InProgress))
        {
            return RedirectToPage("Details", new { id = FixId });
        }

        Input.Credited = Facts.OwnerId is { } owner ? [owner] : [];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var fix = await LoadFixAsync(cancellationToken);
            fix.Start(Facts.ActorFor(User.PersonId()), time.GetUtcNow());
            await Db.SaveFixAsync(FixId, cancellationToken);
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainErrors(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return BackToFix("Work has started; everyone can see it is in progress.");
    }

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            var fix = await LoadFixAsync(cancellationToken);
            var credited = Input.Credited.Distinct(StringComparer.Ordinal).ToList();
            // Only people who work here can be credited: a forged id is refused, not stored.
            var known = await Db.Users.CountAsync(u => credited.Contains(u.Id) && u.DeactivatedAt == null, cancellationToken);
            if (known != credited.Count)
            {
                throw new DomainException("Credit only people who work here now.", nameof(DoneInput.Credited));
            }

            fix.MarkDone(Facts.ActorFor(User.PersonId()), Input.WhatChanged, credited, time.GetUtcNow());
            await Db.SaveFixAsync(FixId, cancellationToken);
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainErrors(refusal);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return BackToFix("Done. The people whose stories prompted it have been told, and the people who did it are credited.");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var fix = await Db.Fixes.AsNoTracking().Where(f => f.Id == FixId).Select(f => new { f.Title, f.Status, f.OwnerId }).SingleAsync(cancellationToken);
        Title = fix.Title;
        Form = fix.Status is FixStatus.Accepted or FixStatus.InProgress
            ? new ProgressForm(FixId, fix.Status == FixStatus.Accepted, fix.OwnerId, await FixChoices.TeamPeopleAsync(Db, Facts.TeamId, fix.OwnerId, cancellationToken), Input, ModelState)
            : null;
    }
}
