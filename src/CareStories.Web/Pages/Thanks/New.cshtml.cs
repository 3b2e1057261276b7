using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Thanks;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Thanks;

/// <summary>
/// Makes a thank-you link: for me, or (a manager) for a person in a team I manage or for that team, or (an Admin)
/// for anyone or any team. Who may is <see cref="ThanksAccess.CanMakeLinkFor"/>, checked again on the post.
/// </summary>
public sealed class NewModel(CareStoriesDbContext db, LinkGate gate, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public const string Me = "me";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public IReadOnlyList<Choice> Teams { get; private set; } = [];

    /// <summary>Only people who may make links for others are asked who the link is for.</summary>
    public bool ChoosesWho => People.Count > 0 || Teams.Count > 0;

    public sealed record Choice(string Value, string Name);

    /// <summary>How long a link stays open, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, int? Days)> Lives =
    [
        ("30d", "30 days", 30),
        ("90d", "90 days", 90),
        ("1y", "1 year", 365),
        ("never", "No end date", null),
    ];

    public sealed class InputModel
    {
        /// <summary>"me", "person:{id}" or "team:{id}".</summary>
        [Display(Name = "Who the link thanks")]
        public string For { get; set; } = Me;

        [Display(Name = "Label")]
        public string? Label { get; set; }

        [Display(Name = "How long it stays open")]
        public string Expiry { get; set; } = "90d";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var viewer = await gate.ViewerAsync(this, cancellationToken);
        var me = viewer.PersonId;
        string? personId = null;
        int? teamId = null;
        var choice = Input.For ?? Me;
        if (choice == Me)
        {
            personId = me;
        }
        else if (choice.StartsWith("person:", StringComparison.Ordinal))
        {
            personId = choice["person:".Length..];
            if (!await db.Users.AnyAsync(p => p.Id == personId && p.DeactivatedAt == null, cancellationToken))
            {
                return NotFound();
            }
        }
        else if (choice.StartsWith("team:", StringComparison.Ordinal) && int.TryParse(choice["team:".Length..], out var id))
        {
            teamId = id;
            if (!await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
            {
                return NotFound();
            }
        }
        else
        {
            return NotFound();
        }

        var target = await gate.TargetAsync(personId, teamId, cancellationToken);
        if (!(await authorization.AuthorizeAsync(User, target, ThanksOperations.MakeLink)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var now = time.GetUtcNow();
        var life = Lives.FirstOrDefault(l => l.Value == Input.Expiry);
        if (life.Value is null)
        {
            ModelState.AddModelError("Input.Expiry", "Choose how long the link stays open.");
        }

        ThankYouLink? link = null;
        try
        {
            var expiresAt = life.Days is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
            link = personId is not null
                ? ThankYouLink.ForPerson(personId, me, Input.Label, expiresAt, now)
                : ThankYouLink.ForTeam(teamId!.Value, me, Input.Label, expiresAt, now);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || link is null)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        db.ThankYouLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Your thank-you link is ready. Copy it, or print its poster.";
        return RedirectToPage("Details", new { id = link.Id });
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var viewer = await gate.ViewerAsync(this, cancellationToken);
        var managed = viewer.ManagedTeamIds.ToList();
        if (!viewer.IsAdmin && managed.Count == 0)
        {
            return;
        }

        var people = db.Users.AsNoTracking().Where(p => p.Id != viewer.PersonId && p.DeactivatedAt == null);
        var teams = db.Teams.AsNoTracking();
        if (!viewer.IsAdmin)
        {
            var managedPeople = db.TeamMemberships.Where(m => managed.Contains(m.TeamId)).Select(m => m.PersonId);
            people = people.Where(p => managedPeople.Contains(p.Id));
            teams = teams.Where(t => managed.Contains(t.Id));
        }

        People = await people.OrderBy(p => p.DisplayName)
            .Select(p => new Choice("person:" + p.Id, p.DisplayName))
            .ToListAsync(cancellationToken);
        Teams = (await teams.OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(cancellationToken))
            .Select(t => new Choice(FormattableString.Invariant($"team:{t.Id}"), $"The {t.Name} team"))
            .ToList();
    }
}
