namespace CareStories.Web.Pages.Admin.People;

/// <summary>Everyone with an account, found by name or email, with their teams and roles.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Part of a name or an email address; kept in the URL so a search can be shared and reloaded.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // "page" is a route value Razor Pages keeps for itself, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public sealed record PersonRow(
        string Id, string DisplayName, string Email, string? JobTitle, IReadOnlyList<TeamTag> Teams, IReadOnlyList<string> Roles, bool IsDeactivated);

    public sealed record TeamTag(string Name, bool IsManager);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        var people = db.Users.AsNoTracking();
        if (Search is not null)
        {
            // Capitals ignored in any alphabet on either database (see CareStoriesDbContext.TextSearchCollation);
            // Identity keeps every address upper-cased in NormalizedEmail.
            var term = Search.ToUpperInvariant();
            var collation = db.TextSearchCollation;
            people = people.Where(p => EF.Functions.Collate(p.DisplayName, collation).ToUpper().Contains(term)
                || (p.NormalizedEmail != null && p.NormalizedEmail.Contains(term)));
        }

        Total = await people.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);

        // Numbered pages over at most a few thousand people: OFFSET stays cheap at this size, and an admin
        // gets "page 3 of 12" and a total, which key paging cannot give.
        var rows = await people
            .OrderBy(p => p.DisplayName)
            .ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.DisplayName,
                p.Email,
                p.JobTitle,
                IsDeactivated = p.DeactivatedAt != null,
                Teams = p.Memberships.OrderBy(m => m.Team.Name).Select(m => new TeamTag(m.Team.Name, m.IsManager)).ToList(),
                Roles = db.UserRoles.Where(ur => ur.UserId == p.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        People = rows
            .Select(r => new PersonRow(r.Id, r.DisplayName, r.Email ?? "", r.JobTitle, r.Teams, InRoleOrder(r.Roles), r.IsDeactivated))
            .ToList();
    }

    private static readonly Dictionary<string, int> RoleOrder =
        Roles.All.Select((role, index) => (role, index)).ToDictionary(x => x.role, x => x.index, StringComparer.Ordinal);

    /// <summary>Roles from least to most powerful, as the edit page lists them.</summary>
    private static List<string> InRoleOrder(IEnumerable<string> roles) =>
        roles.OrderBy(role => RoleOrder.GetValueOrDefault(role, int.MaxValue)).ToList();
}
