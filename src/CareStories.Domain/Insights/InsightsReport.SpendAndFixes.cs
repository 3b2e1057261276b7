using CareStories.Domain.Fixes;
using CareStories.Domain.Permission;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>
/// Spend in one currency: how many incidents, how much, how many went over the limit they were saved with, and the
/// share of those limits used (only where spend and limit are in the same currency: nothing is ever converted).
/// </summary>
public sealed record SpendFigures(string Currency, int Incidents, decimal Amount, int OverLimit, decimal? ShareOfLimits);

/// <summary>
/// Spend figures and bands built in one pass over the lines. Each line's share of its limit, band and over-limit
/// test are worked out once (<see cref="Measure"/>, by <see cref="SpendLine"/>'s own rules) and added to the scope's
/// tally and to each of its teams': worked out again for every team and every band, as lists filtered per team, they
/// cost about 75 ms of CPU for the whole company's year (6,000 lines) on top of reading them.
/// </summary>
internal sealed class SpendTally
{
    private readonly Dictionary<string, Sums> _byCurrency = new(StringComparer.Ordinal);
    private readonly int[] _bands = new int[Enum.GetValues<SpendBand>().Max(b => (int)b) + 1];

    /// <summary>One line with what its totals need, measured once.</summary>
    public readonly record struct Measured(string Currency, decimal Amount, decimal? LimitAmount, bool Compared, bool IsOverLimit, SpendBand Band);

    private sealed class Sums
    {
        public int Incidents;
        public decimal Amount;
        public int OverLimit;
        public decimal ComparedAmount;
        public decimal Limits;
    }

    public static Measured Measure(SpendLine line)
    {
        var share = line.ShareOfLimit;
        return new(line.Currency, line.Amount, line.LimitAmount, share is not null, line.IsOverLimit, SpendLine.BandOf(share));
    }

    public void Add(in Measured line)
    {
        if (!_byCurrency.TryGetValue(line.Currency, out var sums))
        {
            _byCurrency[line.Currency] = sums = new Sums();
        }

        sums.Incidents++;
        sums.Amount += line.Amount;
        if (line.IsOverLimit)
        {
            sums.OverLimit++;
        }

        if (line.Compared)
        {
            sums.ComparedAmount += line.Amount;
            sums.Limits += line.LimitAmount!.Value;
        }

        _bands[(int)line.Band]++;
    }

    /// <summary>One figure per currency: the company's currency first, then the most used.</summary>
    public IReadOnlyList<SpendFigures> Figures(string? companyCurrency) =>
        _byCurrency
            .Select(c => new SpendFigures(
                c.Key, c.Value.Incidents, c.Value.Amount, c.Value.OverLimit, c.Value.Limits > 0 ? c.Value.ComparedAmount / c.Value.Limits : null))
            .OrderBy(s => s.Currency == companyCurrency ? 0 : 1)
            .ThenByDescending(s => s.Incidents).ThenBy(s => s.Currency, StringComparer.Ordinal)
            .ToList();

    /// <summary>How many lines fell in each band of the limit, every band listed.</summary>
    public List<BandCount> Bands() => Enum.GetValues<SpendBand>().Select(b => new BandCount(b, _bands[(int)b])).ToList();
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

        var all = new SpendTally();
        var byTeam = scope.Teams.ToDictionary(t => t.Id, _ => new SpendTally());
        foreach (var line in lines)
        {
            var measured = SpendTally.Measure(line);
            all.Add(measured);
            foreach (var team in line.Teams)
            {
                byTeam.GetValueOrDefault(team.Id)?.Add(measured);
            }
        }

        var teams = scope.Teams
            .Select(t => new TeamSpendAndFixes(
                t,
                byTeam[t.Id].Figures(currency),
                byTeam[t.Id].Bands(),
                new FixFigures(raised.GetValueOrDefault(t.Id), done.GetValueOrDefault(t.Id), open.GetValueOrDefault(t.Id), overdue.GetValueOrDefault(t.Id))))
            .OrderBy(t => t.Team.Name, StringComparer.CurrentCulture)
            .ToList();
        // Every fix belongs to exactly one team, so the scope's fixes are the sum of its teams'.
        var allFixes = teams.Aggregate(FixFigures.None, (sum, t) => sum.Plus(t.Fixes));
        return new SpendAndFixesFigures(currency, all.Figures(currency), all.Bands(), allFixes, teams);
    }

    private static Task<Dictionary<int, int>> CountByTeamAsync(IQueryable<Fix> fixes, CancellationToken cancellationToken) =>
        fixes.GroupBy(f => f.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
