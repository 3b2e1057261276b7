namespace CareStories.Web.Pages.Admin.Teams;

/// <summary>Every team with its kind, managers and size.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public sealed record TeamRow(int Id, string Name, TeamKind Kind, string? Description, IReadOnlyList<string> Managers, int PeopleCount);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamRow(
                t.Id,
                t.Name,
                t.Kind,
                t.Description,
                t.Memberships.Where(m => m.IsManager).OrderBy(m => m.Person.DisplayName).Select(m => m.Person.DisplayName).ToList(),
                t.Memberships.Count))
            .ToListAsync(cancellationToken);
    }
}
