using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Permission;

/// <summary>
/// The company's permission to care as everyone sees it: the current charter, the must-follow procedures and the
/// empowerment limit. Shown on the home page and beside the story form.
/// </summary>
public sealed record CharterView(
    IReadOnlyList<string> Paragraphs,
    DateTimeOffset? WrittenAt,
    IReadOnlyList<CharterView.Procedure> Procedures,
    ApplicableLimit? CompanyLimit,
    IReadOnlyList<CharterView.TeamLimitView> TeamLimits)
{
    public static readonly CharterView Empty = new([], null, [], null, []);

    public bool IsEmpty => Paragraphs.Count == 0 && Procedures.Count == 0 && CompanyLimit is null;

    public sealed record Procedure(int Id, string Name, string Why, string Owner);

    public sealed record TeamLimitView(int TeamId, string TeamName, decimal Amount, string Currency)
    {
        public string Limit => Money.Format(Amount, Currency);
    }

    public static async Task<CharterView> ReadAsync(CareStoriesDbContext db, EmpowermentLimits? limits, CancellationToken cancellationToken)
    {
        var charter = await db.CharterVersions.AsNoTracking()
            .OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Text, c.WrittenAt })
            .FirstOrDefaultAsync(cancellationToken);
        var procedures = await db.MustFollowProcedures.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new Procedure(p.Id, p.Name, p.Why, p.Owner))
            .ToListAsync(cancellationToken);
        var teamLimits = limits is null || limits.TeamLimits.Count == 0
            ? []
            : await TeamLimitsAsync(db, limits, cancellationToken);
        return new CharterView(
            charter is null ? [] : CharterVersion.Paragraphs(charter.Text),
            charter?.WrittenAt,
            procedures,
            limits?.For([]),
            teamLimits);
    }

    private static async Task<List<TeamLimitView>> TeamLimitsAsync(CareStoriesDbContext db, EmpowermentLimits limits, CancellationToken cancellationToken)
    {
        var ids = limits.TeamLimits.Select(t => t.TeamId).ToList();
        var names = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return limits.TeamLimits
            .Where(t => names.ContainsKey(t.TeamId))
            .Select(t => new TeamLimitView(t.TeamId, names[t.TeamId], t.Amount, limits.Currency))
            .OrderBy(t => t.TeamName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
