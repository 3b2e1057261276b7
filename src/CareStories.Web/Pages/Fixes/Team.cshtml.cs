using CareStories.Domain.Fixes;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// A team's prevention work: its open fixes (proposed, accepted, in progress), overdue ones first, and the latest
/// it finished. Anyone signed in reads it; the fixes list pages through everything else.
/// </summary>
public sealed class TeamModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int DoneShown = 5;

    public int TeamId { get; private set; }

    public string TeamName { get; private set; } = "";

    public TeamKind Kind { get; private set; }

    public IReadOnlyList<FixRow> Open { get; private set; } = [];

    public IReadOnlyList<FixRow> RecentlyDone { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Id, t.Name, t.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return NotFound();
        }

        (TeamId, TeamName, Kind) = (team.Id, team.Name, team.Kind);
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // A team's open fixes are few (they get done or declined); the (TeamId, Status, RaisedAt) index reads them.
        var open = await db.Fixes.AsNoTracking()
            .Where(f => f.TeamId == id && FixStatusText.Open.Contains(f.Status))
            .OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id)
            .Select(FixRow.Select)
            .ToListAsync(cancellationToken);
        Open = [.. open.OrderByDescending(f => f.IsOverdue(Today))];
        RecentlyDone = await db.Fixes.AsNoTracking()
            .Where(f => f.TeamId == id && f.Status == FixStatus.Done)
            .OrderByDescending(f => f.DoneAt).ThenByDescending(f => f.Id)
            .Take(DoneShown)
            .Select(FixRow.Select)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
