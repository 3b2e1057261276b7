using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// One fix: what will change, who owns it, its stories and any repeats of them, its history and celebrations, and the
/// forms the signed-in person may use (accept or decline, start or mark done, celebrate). This page only reads; the
/// forms post to Decide, Progress and Celebrate.
/// </summary>
public sealed class DetailsModel(CareStoriesDbContext db, IAuthorizationService authorization, TimeProvider time)
    : FixPageModel(db, authorization)
{
    public FixView Fix { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DecideForm? Decide { get; private set; }

    public ProgressForm? Progress { get; private set; }

    public CelebrateForm? Celebrate { get; private set; }

    /// <summary>Why a manager or leader sees no celebrate form on a done fix, when they do not.</summary>
    public string? CelebrationNote { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Fix = (await FixView.ReadAsync(Db, FixId, cancellationToken))!;
        var canDecide = Fix.Status == FixStatus.Proposed && await AllowedAsync(FixOperations.Decide);
        var canMove = Fix.Status is FixStatus.Accepted or FixStatus.InProgress && await AllowedAsync(FixOperations.Move);
        if (canDecide || canMove)
        {
            var people = await FixChoices.TeamPeopleAsync(Db, Fix.TeamId, Fix.OwnerId, cancellationToken);
            Decide = canDecide ? new DecideForm(FixId, people, new DecideInput(), Today, ModelState) : null;
            Progress = canMove
                ? new ProgressForm(FixId, Fix.Status == FixStatus.Accepted, Fix.OwnerId, people, new DoneInput { Credited = Fix.OwnerId is { } o ? [o] : [] }, ModelState)
                : null;
        }

        if (Fix.Status == FixStatus.Done && await AllowedAsync(Policies.Celebrate))
        {
            var celebrated = await Db.FixCelebrations.AnyAsync(c => c.FixId == FixId && c.CelebratorId == me, cancellationToken);
            CelebrationNote = celebrated ? "You have celebrated this fix."
                : Facts.CreditedIds.Contains(me) ? "You cannot celebrate a fix you are credited with."
                : null;
            if (CelebrationNote is null)
            {
                Celebrate = FixChoices.CelebrateForm(FixId, await BadgeChoice.ReadAsync(Db, cancellationToken), new(), ModelState);
            }
        }
    }
}
