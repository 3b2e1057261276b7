using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CareStories.Web.Pages.Admin.People;

/// <summary>
/// Gives someone an account: no password is set here; the person gets an email with a link to choose their own.
/// The address is taken as confirmed because an administrator vouches for it.
/// </summary>
public sealed class NewModel(
    CareStoriesDbContext db,
    UserManager<Person> users,
    IEmailSender emailSender,
    TimeProvider time,
    ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public sealed record TeamChoice(int Id, string Name, TeamKind Kind);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's work email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [StringLength(256, ErrorMessage = "Keep the email address to {1:N0} characters or fewer.")]
        [Display(Name = "Work email address")]
        public string? Email { get; set; }

        // Checked by Person itself, so its messages are the ones shown.
        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Job title (optional)")]
        public string? JobTitle { get; set; }

        public List<string> Roles { get; set; } = [];

        public List<int> TeamIds { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Set here, not as the property's default: a post with every role unticked must bind as none.
        Input.Roles = [Roles.Employee];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var roles = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        var teamIds = Input.TeamIds.Distinct().ToList();
        await PersonChoices.CheckAsync(roles, teamIds, db, ModelState, cancellationToken);

        var email = (Input.Email ?? "").Trim();
        if (ModelState.GetFieldValidationState("Input.Email") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await users.FindByEmailAsync(email) is { } existing)
        {
            ModelState.AddModelError("Input.Email", $"{existing.DisplayName} already has an account with this email address.");
        }

        Person? person = null;
        try
        {
            person = new Person(email, Input.DisplayName ?? "", Input.JobTitle, time.GetUtcNow()) { EmailConfirmed = true };
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || person is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var result = await users.CreateAsync(person);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(person, roles);
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                foreach (var error in result.Errors)
                {
                    var (field, message) = error.Code switch
                    {
                        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                            ("Input.Email", "Someone already has an account with this email address."),
                        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                            ("Input.Email", "This email address cannot be used for an account. Check it for unusual characters."),
                        _ => ("", error.Description),
                    };
                    ModelState.AddModelError(field, message);
                }

                await LoadAsync(cancellationToken);
                return Page();
            }

            if (teamIds.Count > 0)
            {
                var teams = await db.Teams.Include(t => t.Memberships).Where(t => teamIds.Contains(t.Id)).ToListAsync(cancellationToken);
                foreach (var team in teams)
                {
                    var managers = team.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).ToList();
                    var members = team.Memberships.Where(m => !m.IsManager).Select(m => m.PersonId).Append(person.Id).ToList();
                    team.SetPeople(members, managers);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Person {PersonId} added by {AdminId}.", person.Id, User.PersonId());
        try
        {
            await SetPasswordEmail.SendAsync(users, emailSender, Url, Request.Scheme, person, User.DisplayName());
            TempData["StatusMessage"] = $"Added {person.DisplayName}. We emailed them a link to set their password.";
        }
        catch (SmtpException ex)
        {
            // The account exists; the link can be sent again from their page.
            logger.LogError(ex, "The set-password email to new person {PersonId} could not be sent.", person.Id);
            TempData["StatusMessage"] = $"Added {person.DisplayName}, but the email with their password link could not be sent. Send it again from their page.";
        }

        return RedirectToPage("./Index", new { q = person.Email });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamChoice(t.Id, t.Name, t.Kind))
            .ToListAsync(cancellationToken);
}
