using System.ComponentModel.DataAnnotations;

namespace CareStories.Web.Pages.Admin.Teams;

/// <summary>Adds a team (no id) or changes one: its name, kind, description, managers and members.</summary>
public sealed class EditModel(CareStoriesDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? TeamId { get; private set; }

    public bool IsNew => TeamId is null;

    /// <summary>Everyone who can be chosen, for both lists.</summary>
    public IReadOnlyList<PersonChoice> People { get; private set; } = [];

    public sealed record PersonChoice(string Id, string DisplayName, string? Email, string? JobTitle, bool CanReview);

    public sealed class InputModel
    {
        // Name and description are checked by Team itself, so its messages are the only ones a person sees.
        [Display(Name = "Team name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Choose whether the team is customer-facing or behind the scenes.")]
        [Display(Name = "Kind of team")]
        public TeamKind? Kind { get; set; }

        [Display(Name = "What the team does (optional)")]
        public string? Description { get; set; }

        public List<string> ManagerIds { get; set; } = [];

        public List<string> MemberIds { get; set; } = [];
    }

    public static string KindHint(TeamKind kind) => kind switch
    {
        TeamKind.CustomerFacing => "Meets or talks to customers: support, field service, sales.",
        TeamKind.BehindTheScenes => "Makes the front line's work possible: billing, IT, warehouse.",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var team = await db.Teams.AsNoTracking()
                .Where(t => t.Id == id)
                .Select(t => new
                {
                    t.Name,
                    t.Kind,
                    t.Description,
                    Managers = t.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).ToList(),
                    Members = t.Memberships.Where(m => !m.IsManager).Select(m => m.PersonId).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (team is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Name = team.Name,
                Kind = team.Kind,
                Description = team.Description,
                ManagerIds = team.Managers,
                MemberIds = team.Members,
            };
        }

        TeamId = id;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Team? team = null;
        if (id is not null)
        {
            team = await db.Teams.Include(t => t.Memberships).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (team is null)
            {
                return NotFound();
            }
        }

        TeamId = id;
        var managerIds = Input.ManagerIds.Distinct(StringComparer.Ordinal).ToList();
        var memberIds = Input.MemberIds.Distinct(StringComparer.Ordinal).ToList();
        var chosen = managerIds.Union(memberIds, StringComparer.Ordinal).ToList();
        if (chosen.Count > 0 && await db.Users.CountAsync(p => chosen.Contains(p.Id), cancellationToken) != chosen.Count)
        {
            // Only a stale page or a hand-made post can name someone who is not here.
            ModelState.AddModelError("Input.MemberIds", "Some of the people chosen are no longer here. Check the lists and save again.");
        }

        var name = (Input.Name ?? "").Trim();
        await Names.CheckAsync(ModelState, name, id, cancellationToken);

        try
        {
            // A missing kind is already reported by the Required attribute; the default only lets the team
            // check the other fields so every problem shows at once.
            if (team is null)
            {
                team = new Team(Input.Name ?? "", Input.Kind ?? default, Input.Description);
            }
            else
            {
                team.Update(Input.Name ?? "", Input.Kind ?? default, Input.Description);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || team is null)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        team.SetPeople(memberIds, managerIds);
        if (IsNew)
        {
            db.Teams.Add(team);
        }

        if (!await Names.SaveAsync(db, ModelState, team.Name, id, cancellationToken))
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = IsNew ? $"Team “{team.Name}” added." : $"Team “{team.Name}” saved.";
        return RedirectToPage("./Index");
    }

    private UniqueNames Names => new(SameNameAsync, NameTakenMessage);

    private static string NameTakenMessage(string name) => $"There is already a team called “{name}”. Choose another name.";

    /// <summary>The name of another team called this, ignoring capitals, if there is one: the column's collation compares (CareStoriesDbContext.CaseInsensitiveCollation).</summary>
    private Task<string?> SameNameAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        // Names differing only in capitals would read as the same team in every list.
        return db.Teams.AsNoTracking()
            .Where(t => t.Name == name && t.Id != exceptId)
            .Select(t => t.Name)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var reviewers = await db.UserRoles.AsNoTracking()
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Manager || r.Name == Roles.Admin)))
            .Select(ur => ur.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var canReview = reviewers.ToHashSet(StringComparer.Ordinal);
        // People who have left are not offered, but stay listed where they are still in this team so saving keeps them.
        var people = await db.Users.AsNoTracking()
            .Where(p => p.DeactivatedAt == null || p.Memberships.Any(m => m.TeamId == TeamId))
            .OrderBy(p => p.DisplayName)
            .ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName, p.Email, p.JobTitle })
            .ToListAsync(cancellationToken);
        People = people.Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email, p.JobTitle, canReview.Contains(p.Id))).ToList();
    }
}
