namespace CareStories.Domain.Permission;

/// <summary>A total in one currency: how many incidents and how much they cost. Currencies are never added together.</summary>
public sealed record SpendTotal(string Currency, int Incidents, decimal Amount);

/// <summary>The totals for one month, team, person or purpose, one per currency spent in.</summary>
public sealed record SpendGroup<TKey>(TKey Key, string Name, IReadOnlyList<SpendTotal> Totals)
{
    public int Incidents => Totals.Sum(t => t.Incidents);
}

/// <summary>How many incidents fell in a band of the limit.</summary>
public sealed record BandCount(SpendBand Band, int Incidents);

/// <summary>
/// The spend ledger: the incidents in a period totalled per currency by month, team, person and purpose, spread
/// against the limit, and the ones over it. Built in memory from <see cref="SpendQueries.SpendLinesAsync"/>, so
/// every total is the sum of the lines it is made of.
/// </summary>
public sealed class SpendLedger
{
    private SpendLedger(IReadOnlyList<SpendLine> lines, IReadOnlyCollection<int>? onlyTeams)
    {
        Lines = lines;
        Totals = TotalsOf(lines);
        ByMonth = Group<DateOnly>(lines, l => [(l.Month, l.Month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))])
            .OrderBy(g => g.Key).ToList();
        ByTeam = Group(lines, l => l.Teams.Where(t => onlyTeams is null || onlyTeams.Contains(t.Id)).Select(t => (t.Id, t.Name)))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        ByPerson = Group(lines, l => l.People.Select(p => (p.Id, p.Name)))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        // Purposes are free text: the same words in other capitals are one purpose.
        ByPurpose = Group<string>(lines, l => [(l.Purpose.ToLowerInvariant(), l.Purpose)])
            .OrderByDescending(g => g.Incidents).ThenBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        Bands = Enum.GetValues<SpendBand>().Select(b => new BandCount(b, lines.Count(l => l.Band == b))).ToList();
        OverLimit = lines.Where(l => l.IsOverLimit).ToList();
    }

    public static SpendLedger Of(IReadOnlyList<SpendLine> lines, IReadOnlyCollection<int>? onlyTeams = null) =>
        new(lines, onlyTeams);

    /// <summary>Every incident counted, newest first.</summary>
    public IReadOnlyList<SpendLine> Lines { get; }

    public int Incidents => Lines.Count;

    /// <summary>The whole period, one total per currency, the most used first.</summary>
    public IReadOnlyList<SpendTotal> Totals { get; }

    public IReadOnlyList<SpendGroup<DateOnly>> ByMonth { get; }

    /// <summary>A story tagged with several teams counts for each of them, so these can add up to more than the total.</summary>
    public IReadOnlyList<SpendGroup<int>> ByTeam { get; }

    /// <summary>By the people credited; a story crediting several counts for each.</summary>
    public IReadOnlyList<SpendGroup<string>> ByPerson { get; }

    public IReadOnlyList<SpendGroup<string>> ByPurpose { get; }

    public IReadOnlyList<BandCount> Bands { get; }

    /// <summary>The incidents over their limit, newest first, with the reasons given.</summary>
    public IReadOnlyList<SpendLine> OverLimit { get; }

    private static List<SpendTotal> TotalsOf(IEnumerable<SpendLine> lines) =>
        lines.GroupBy(l => l.Currency, StringComparer.Ordinal)
            .Select(g => new SpendTotal(g.Key, g.Count(), g.Sum(l => l.Amount)))
            .OrderByDescending(t => t.Incidents).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<SpendGroup<TKey>> Group<TKey>(IReadOnlyList<SpendLine> lines, Func<SpendLine, IEnumerable<(TKey Key, string Name)>> keys)
        where TKey : notnull =>
        lines.SelectMany(l => keys(l).Select(k => (k.Key, k.Name, Line: l)))
            .GroupBy(x => x.Key)
            .Select(g => new SpendGroup<TKey>(g.Key, g.First().Name, TotalsOf(g.Select(x => x.Line))));
}
