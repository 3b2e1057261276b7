using System.Globalization;
using CareStories.Domain.Fixes;
using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// Every fix and improvement idea, newest raised first, paged by key, with filters kept in the URL: team, status,
/// overdue, raised by me, owned by me. Anyone signed in reads it.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    private static readonly IReadOnlyDictionary<string, FixStatus> Statuses = new Dictionary<string, FixStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["proposed"] = FixStatus.Proposed,
        ["accepted"] = FixStatus.Accepted,
        ["in-progress"] = FixStatus.InProgress,
        ["done"] = FixStatus.Done,
        ["declined"] = FixStatus.Declined,
    };

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public int? Team { get; private set; }

    public FixStatus? Status { get; private set; }

    public bool Overdue { get; private set; }

    /// <summary>"raised" or "owned": fixes the signed-in person raised or owns; null for everyone's.</summary>
    public string? Mine { get; private set; }

    public IReadOnlyList<FixRow> Fixes { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public DateOnly Today { get; private set; }

    public bool Filtered => Team is not null || Status is not null || Overdue || Mine is not null;

    public static IEnumerable<(string Slug, FixStatus Status)> StatusChoices => Statuses.Select(s => (s.Key, s.Value));

    public static string Slug(FixStatus status) => Statuses.First(s => s.Value == status).Key;

    public async Task OnGetAsync(int? team, string? status, bool? overdue, string? mine, string? after, CancellationToken cancellationToken)
    {
        // A link with a value that does not parse is simply not applied, never an error.
        ModelState.Clear();
        var me = User.PersonId();
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name)).ToList();
        Team = Teams.Any(t => t.Id == team) ? team : null;
        Status = status is not null && Statuses.TryGetValue(status, out var s) ? s : null;
        Overdue = overdue == true;
        Mine = mine is "raised" or "owned" ? mine : null;

        var fixes = db.Fixes.AsNoTracking();
        if (Team is { } teamId)
        {
            fixes = fixes.Where(f => f.TeamId == teamId);
        }

        if (Status is { } wanted)
        {
            fixes = fixes.Where(f => f.Status == wanted);
        }

        if (Overdue)
        {
            fixes = fixes.OverdueOn(Today);
        }

        fixes = Mine switch
        {
            "raised" => fixes.Where(f => f.RaisedById == me),
            "owned" => fixes.Where(f => f.OwnerId == me),
            _ => fixes,
        };

        var key = FixRow.NewestRaised.Read(after);
        IsFirstPage = key is null;
        var page = await fixes.ToPageAsync(FixRow.NewestRaised, key, PageSize, FixRow.Select, cancellationToken);
        Fixes = page.Items;
        Next = page.Next?.ToString();
    }

    /// <summary>This list's filters as route values, for the next page's link.</summary>
    public Dictionary<string, string> RouteFor(string? after = null)
    {
        var route = new Dictionary<string, string>();
        if (Team is { } team)
        {
            route["team"] = team.ToString(CultureInfo.InvariantCulture);
        }

        if (Status is { } status)
        {
            route["status"] = Slug(status);
        }

        if (Overdue)
        {
            route["overdue"] = "true";
        }

        if (Mine is { } mine)
        {
            route["mine"] = mine;
        }

        if (after is not null)
        {
            route["after"] = after;
        }

        return route;
    }
}
