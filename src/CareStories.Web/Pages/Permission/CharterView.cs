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

    /// <summary>
    /// The charter, the limits and the procedures in two commands (three when teams have limits of their own): the
    /// home page reads this on every visit.
    /// </summary>
    public static async Task<CharterView> ReadAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        // The settings row is always there (the migrations write it), so it anchors the single values as subqueries.
        var head = await db.CompanySettings.AsNoTracking()
            .Where(s => s.Id == Domain.Settings.CompanySettings.SingletonId)
            .Select(s => new
            {
                Text = db.CharterVersions.OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id).Select(c => c.Text).FirstOrDefault(),
                WrittenAt = db.CharterVersions.OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id).Select(c => (DateTimeOffset?)c.WrittenAt).FirstOrDefault(),
                Limit = db.EmpowermentLimits.Select(l => l.CompanyLimit).FirstOrDefault(),
                Currency = db.EmpowermentLimits.Select(l => l.Currency).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var procedures = await db.MustFollowProcedures.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new Procedure(p.Id, p.Name, p.Why, p.Owner))
            .ToListAsync(cancellationToken);
        var teamLimits = head?.Limit is null ? [] : await TeamLimitsAsync(db, cancellationToken);
        return new CharterView(
            head?.Text is null ? [] : CharterVersion.Paragraphs(head.Text),
            head?.WrittenAt,
            procedures,
            head is { Limit: { } limit, Currency: { } code } ? new ApplicableLimit(limit, code, null) : null,
            teamLimits);
    }

    private static async Task<List<TeamLimitView>> TeamLimitsAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        var limits = await db.CurrentLimitsAsync(cancellationToken);
        if (limits is null || limits.TeamLimits.Count == 0)
        {
            return [];
        }

        var ids = limits.TeamLimits.Select(t => t.TeamId).ToList();
        var names = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return limits.TeamLimits
            .Where(t => names.ContainsKey(t.TeamId))
            .Select(t => new TeamLimitView(t.TeamId, names[t.TeamId], t.Amount, limits.Currency))
            .OrderBy(t => t.TeamName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
