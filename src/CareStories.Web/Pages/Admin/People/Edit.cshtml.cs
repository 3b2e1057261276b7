using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.People;

/// <summary>Changes a person's name, job title, teams and roles.</summary>
public sealed class EditModel(
    CareStoriesDbContext db,
    UserManager<Person> users,
    SignInManager<Person> signIn,
    IEmailSender emailSender,
    TimeProvider clock,
    ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PersonSummary Summary { get; private set; } = null!;

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public bool IsSelf { get; private set; }

    public sealed record PersonSummary(
        string Id, string Email, string DisplayName, bool HasPassword, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt, string? DeactivatedBy);

    public sealed record TeamChoice(int Id, string Name, TeamKind Kind, bool IsManager);

    public sealed class InputModel
    {
        // Checked by Person.Rename, so its messages are the ones shown.
        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Job title (optional)")]
        public string? JobTitle { get; set; }

        public List<int> TeamIds { get; set; } = [];

        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.DisplayName,
                p.JobTitle,
                Teams = p.Memberships.Select(m => m.TeamId).ToList(),
                Roles = db.UserRoles.Where(ur => ur.UserId == p.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Input = new InputModel { DisplayName = person.DisplayName, JobTitle = person.JobTitle, TeamIds = person.Teams, Roles = person.Roles };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        IsSelf = person.Id == User.PersonId();
        var roles = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        var teamIds = Input.TeamIds.Distinct().ToList();
        await PersonChoices.CheckAsync(roles, teamIds, db, ModelState, cancellationToken);
        if (IsSelf && roles.Count > 0 && !roles.Contains(Roles.Admin)
            && ModelState.GetFieldValidationState("Input.Roles") != ModelValidationState.Invalid)
        {
            // Otherwise the last administrator could lock everyone out of this area by mistake.
            ModelState.AddModelError("Input.Roles", "You cannot remove your own Admin role. Another administrator can do it if it must go.");
        }

        try
        {
            person.Rename(Input.DisplayName ?? "", Input.JobTitle);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        bool rolesChanged;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await MoveBetweenTeamsAsync(person.Id, teamIds, cancellationToken);
            var saved = await users.UpdateAsync(person);
            var current = await users.GetRolesAsync(person);
            var toAdd = roles.Except(current, StringComparer.Ordinal).ToList();
            var toRemove = current.Except(roles, StringComparer.Ordinal).ToList();
            rolesChanged = toAdd.Count > 0 || toRemove.Count > 0;
            if (saved.Succeeded && toAdd.Count > 0)
            {
                saved = await users.AddToRolesAsync(person, toAdd);
            }

            if (saved.Succeeded && toRemove.Count > 0)
            {
                saved = await users.RemoveFromRolesAsync(person, toRemove);
            }

            if (saved.Succeeded && rolesChanged && !IsSelf)
            {
                // Their sign-in cookie still carries the old roles; a new stamp makes it be checked again,
                // so a removed role stops working within the validation interval instead of at cookie expiry.
                saved = await users.UpdateSecurityStampAsync(person);
            }

            if (!saved.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                foreach (var error in saved.Errors)
                {
                    ModelState.AddModelError("", error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)
                        ? "Someone else changed this person while you were editing. Open the page again and repeat your changes."
                        : error.Description);
                }

                await LoadAsync(id, cancellationToken);
                return Page();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (IsSelf)
        {
            // The header shows the name from the cookie; renew it so an admin editing themselves sees the change.
            await signIn.RefreshSignInAsync(person);
        }

        logger.LogInformation("Person {PersonId} updated by {AdminId} (roles changed: {RolesChanged}).", person.Id, User.PersonId(), rolesChanged);
        TempData["StatusMessage"] = $"Saved {person.DisplayName}.";
        return RedirectToPage("./Index", new { q = person.Email });
    }

    public async Task<IActionResult> OnPostSendPasswordLinkAsync(string id)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        try
        {
            await SetPasswordEmail.SendAsync(users, emailSender, Url, Request.Scheme, person, User.DisplayName());
            TempData["StatusMessage"] = $"We emailed {person.DisplayName} a link to set their password.";
        }
        catch (SmtpException ex)
        {
            logger.LogError(ex, "The set-password email to person {PersonId} could not be sent.", person.Id);
            TempData["StatusMessage"] = $"The email to {person.DisplayName} could not be sent. Try again later, or ask them to use “Forgot your password?” on the sign-in page.";
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            ModelState.AddModelError("", "Tick the box to confirm you want to deactivate this person.");
            return await OnGetAsync(id, cancellationToken) is NotFoundResult ? NotFound() : Page();
        }

        return await ChangeActiveAsync(id, deactivate: true, cancellationToken);
    }

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        ChangeActiveAsync(id, deactivate: false, cancellationToken);

    private async Task<IActionResult> ChangeActiveAsync(string id, bool deactivate, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        try
        {
            if (deactivate)
            {
                person.Deactivate(User.PersonId(), clock.GetUtcNow());
            }
            else
            {
                person.Reactivate();
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            await OnGetAsync(id, cancellationToken);
            return Page();
        }

        // A new stamp ends the sessions they already have within the validation interval.
        var saved = await users.UpdateSecurityStampAsync(person);
        if (!saved.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else changed this person while you were looking. Open the page again and repeat.");
            await OnGetAsync(id, cancellationToken);
            return Page();
        }

        logger.LogInformation("Person {PersonId} {Change} by {AdminId}.", person.Id, deactivate ? "deactivated" : "reactivated", User.PersonId());
        TempData["StatusMessage"] = deactivate
            ? $"{person.DisplayName} is deactivated: they can no longer sign in. Their stories stay as they are."
            : $"{person.DisplayName} is active again and can sign in.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Adds the person to the teams newly chosen (as a member) and takes them out of the ones left; the teams they
    /// stay in are not touched, so a manager stays a manager there.
    /// </summary>
    private async Task MoveBetweenTeamsAsync(string personId, IReadOnlyCollection<int> wanted, CancellationToken cancellationToken)
    {
        var current = await db.TeamMemberships.Where(m => m.PersonId == personId).Select(m => m.TeamId).ToListAsync(cancellationToken);
        var joining = wanted.Except(current).ToList();
        var leaving = current.Except(wanted).ToList();
        if (joining.Count == 0 && leaving.Count == 0)
        {
            return;
        }

        var changed = joining.Concat(leaving).ToList();
        var teams = await db.Teams.Include(t => t.Memberships).Where(t => changed.Contains(t.Id)).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            var managers = team.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).ToList();
            var members = team.Memberships.Where(m => !m.IsManager).Select(m => m.PersonId).ToList();
            if (joining.Contains(team.Id))
            {
                members.Add(personId);
            }
            else
            {
                managers.Remove(personId);
                members.Remove(personId);
            }

            team.SetPeople(members, managers);
        }
    }

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        IsSelf = id == User.PersonId();
        Summary = await db.Users.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PersonSummary(
                p.Id, p.Email ?? "", p.DisplayName, p.PasswordHash != null, p.CreatedAt, p.DeactivatedAt,
                db.Users.Where(a => a.Id == p.DeactivatedById).Select(a => a.DisplayName).FirstOrDefault()))
            .SingleAsync(cancellationToken);
        Teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamChoice(t.Id, t.Name, t.Kind, t.Memberships.Any(m => m.PersonId == id && m.IsManager)))
            .ToListAsync(cancellationToken);
    }
}
