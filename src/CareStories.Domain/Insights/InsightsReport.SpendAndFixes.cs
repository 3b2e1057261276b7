using CareStories.Domain.Fixes;
using CareStories.Domain.Permission;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>
/// Spend in one currency: how many incidents, how much, how many went over the limit they were saved with, and the
/// share of those limits used (only where spend and limit are in the same currency: nothing is ever converted).
/// </summary>
public sealed record SpendFigures(string Currency, int Incidents, decimal Amount, int OverLimit, decimal? ShareOfLimits)
{
    /// <summary>
    /// The totals of these ledger lines, one per currency: the company's currency first, then the most used.
    /// </summary>
    public static IReadOnlyList<SpendFigures> Of(IEnumerable<SpendLine> lines, string? companyCurrency) =>
        lines.GroupBy(l => l.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                var compared = g.Where(l => l.ShareOfLimit is not null).ToList();
                var limits = compared.Sum(l => l.LimitAmount!.Value);
                return new SpendFigures(g.Key, g.Count(), g.Sum(l => l.Amount), g.Count(l => l.IsOverLimit), limits > 0 ? compared.Sum(l => l.Amount) / limits : null);
            })
            .OrderBy(s => s.Currency == companyCurrency ? 0 : 1)
            .ThenByDescending(s => s.Incidents).ThenBy(s => s.Currency, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// Fixes owned by a team: raised and done in the period, and open and overdue now (the fixes list's own rules,
/// <see cref="FixQueries"/>, so a click through to it shows the same number).
/// </summary>
public sealed record FixFigures(int Raised, int Done, int Open, int Overdue)
{
    public static readonly FixFigures None = new(0, 0, 0, 0);

    public FixFigures Plus(FixFigures other) =>
        new(Raised + other.Raised, Done + other.Done, Open + other.Open, Overdue + other.Overdue);
}

/// <summary>One team's spend against the limit, how its incidents spread over the limit's bands, and its fixes.</summary>
public sealed record TeamSpendAndFixes(ScopeTeam Team, IReadOnlyList<SpendFigures> Spend, IReadOnlyList<BandCount> Bands, FixFigures Fixes);

/// <summary>Spend and fixes for the whole scope and for each team; <see cref="CompanyCurrency"/> is null until an Admin sets a limit.</summary>
public sealed record SpendAndFixesFigures(
    string? CompanyCurrency, IReadOnlyList<SpendFigures> Spend, IReadOnlyList<BandCount> Bands, FixFigures Fixes, IReadOnlyList<TeamSpendAndFixes> Teams)
{
    public int Incidents => Spend.Sum(s => s.Incidents);
}

public sealed partial class InsightsReport
{
    /// <summary>
    /// Spend against the limit (the spend ledger's lines: published and waiting stories that happened in the period,
    /// by the date they happened) and fixes by owning team. A story of two teams counts for each team, once in the
    /// total; <paramref name="today"/> decides what is overdue.
    /// </summary>
    public async Task<SpendAndFixesFigures> SpendAndFixesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var currency = (await db.CurrentLimitsAsync(cancellationToken)) is { CompanyLimit: not null, Currency: { Length: > 0 } code } ? code : null;
        var lines = await ScopedStories.CountedInLedger().HappenedBetween(period.From, period.To)
            .SpendTotalsLinesAsync(db.StoryLatitudes, cancellationToken);

        var fixes = db.Fixes.AsNoTracking().Where(f => _teamIds.Contains(f.TeamId));
        var raised = await CountByTeamAsync(fixes.Where(f => f.RaisedAt >= period.Start && f.RaisedAt < period.End), cancellationToken);
        var done = await CountByTeamAsync(fixes.DoneBetween(period.Start, period.End), cancellationToken);
        var open = await CountByTeamAsync(fixes.StillOpen(), cancellationToken);
        var overdue = await CountByTeamAsync(fixes.OverdueOn(today), cancellationToken);

        var teams = scope.Teams
            .Select(t =>
            {
                var own = lines.Where(l => l.Teams.Any(x => x.Id == t.Id)).ToList();
                return new TeamSpendAndFixes(
                    t,
                    SpendFigures.Of(own, currency),
                    Bands(own),
                    new FixFigures(raised.GetValueOrDefault(t.Id), done.GetValueOrDefault(t.Id), open.GetValueOrDefault(t.Id), overdue.GetValueOrDefault(t.Id)));
            })
            .OrderBy(t => t.Team.Name, StringComparer.CurrentCulture)
            .ToList();
        // Every fix belongs to exactly one team, so the scope's fixes are the sum of its teams'.
        var allFixes = teams.Aggregate(FixFigures.None, (sum, t) => sum.Plus(t.Fixes));
        return new SpendAndFixesFigures(currency, SpendFigures.Of(lines, currency), Bands(lines), allFixes, teams);
    }

    private static List<BandCount> Bands(IReadOnlyCollection<SpendLine> lines) =>
        Enum.GetValues<SpendBand>().Select(b => new BandCount(b, lines.Count(l => l.Band == b))).ToList();

    private static Task<Dictionary<int, int>> CountByTeamAsync(IQueryable<Fix> fixes, CancellationToken cancellationToken) =>
        fixes.GroupBy(f => f.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
