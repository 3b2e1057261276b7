using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Permission;

/// <summary>One story's spend as the ledger reads it: one incident.</summary>
public sealed record SpendLine(
    int StoryId,
    string Title,
    StoryStatus Status,
    DateOnly OccurredOn,
    decimal Amount,
    string Currency,
    string Purpose,
    IReadOnlyList<SpendLine.Named<int>> Teams,
    IReadOnlyList<SpendLine.Named<string>> People,
    decimal? LimitAmount,
    string? LimitCurrency,
    string? OverLimitReason)
{
    /// <summary>Something the ledger totals by: its id and the name it shows.</summary>
    public sealed record Named<TId>(TId Id, string Name);

    /// <summary>The first day of the calendar month it happened in.</summary>
    public DateOnly Month => new(OccurredOn.Year, OccurredOn.Month, 1);

    public bool IsOverLimit => StoryLatitude.IsOver(new Spend(Amount, Currency, Purpose), LimitAmount, LimitCurrency);

    /// <summary>The spend as a share of its limit; null when there is no limit or it is in another currency.</summary>
    public decimal? ShareOfLimit => LimitAmount is { } limit && limit > 0 && Currency == LimitCurrency ? Amount / limit : null;

    public SpendBand Band => BandOf(ShareOfLimit);

    /// <summary>The band of a share of the limit (<see cref="ShareOfLimit"/>; null when not compared).</summary>
    public static SpendBand BandOf(decimal? shareOfLimit) => shareOfLimit switch
    {
        null => SpendBand.NotCompared,
        < 0.10m => SpendBand.UnderTenPercent,
        < 0.50m => SpendBand.TenToFiftyPercent,
        <= 1m => SpendBand.FiftyToHundredPercent,
        _ => SpendBand.OverLimit,
    };
}

/// <summary>How much of its limit a spend used.</summary>
public enum SpendBand
{
    UnderTenPercent = 0,
    TenToFiftyPercent = 1,
    FiftyToHundredPercent = 2,
    OverLimit = 3,

    /// <summary>No limit was set, or the spend is in another currency than the limit's: never converted, so not compared.</summary>
    NotCompared = 4,
}

public static class SpendBandText
{
    public static string Label(this SpendBand band) => band switch
    {
        SpendBand.UnderTenPercent => "Under 10 % of the limit",
        SpendBand.TenToFiftyPercent => "10–50 % of the limit",
        SpendBand.FiftyToHundredPercent => "50–100 % of the limit",
        SpendBand.OverLimit => "Over the limit",
        SpendBand.NotCompared => "Not compared (another currency, or no limit set)",
        _ => "Other",
    };
}

/// <summary>
/// The spend ledger's reads, shared with anything else that totals spend (insights): which stories count, in which
/// period, for whom, and each one's spend line. Only published stories and stories waiting for review count; drafts
/// are nobody's business yet, and sent-back or withdrawn stories are not the company's record.
/// </summary>
public static class SpendQueries
{
    public static IQueryable<Story> CountedInLedger(this IQueryable<Story> stories) =>
        stories.Where(s => (s.Status == StoryStatus.Published || s.Status == StoryStatus.Submitted) && s.Spend != null && s.OccurredOn != null);

    /// <summary>
    /// Stories that happened from <paramref name="from"/> to <paramref name="to"/>, both days included. The day is the
    /// calendar date the author entered for when it happened: a date with no time, so no time zone moves it to
    /// another month.
    /// </summary>
    public static IQueryable<Story> HappenedBetween(this IQueryable<Story> stories, DateOnly from, DateOnly to) =>
        stories.Where(s => s.OccurredOn >= from && s.OccurredOn <= to);

    /// <summary>The stories a manager of these teams answers for: the same rule as who reviews them.</summary>
    public static IQueryable<Story> OfTeamsManagedBy(this IQueryable<Story> stories, IQueryable<TeamMembership> memberships, string personId) =>
        stories.Where(StoryAccess.ReviewedByManagersOf(memberships.Where(m => m.PersonId == personId && m.IsManager).Select(m => m.TeamId)));

    /// <summary>
    /// The same lines for totals only (Insights): amount, currency, limit and team ids, with no title, purpose,
    /// reason, people or team names. Insights counts a year's lines and shows none of them; reading the names, and
    /// sorting them by their case-insensitive collation (a call into .NET per comparison on SQLite), cost most of its
    /// spend figures, and the purpose and reason are text read from each story's row for nothing.
    /// </summary>
    public static async Task<List<SpendLine>> SpendTotalsLinesAsync(
        this IQueryable<Story> stories, IQueryable<StoryLatitude> latitudes, CancellationToken cancellationToken = default)
    {
        var rows = await (from s in stories.AsNoTracking()
                          join l in latitudes.AsNoTracking() on s.Id equals l.StoryId into saved
                          from l in saved.DefaultIfEmpty()
                          select new
                          {
                              s.Id,
                              s.Status,
                              OccurredOn = s.OccurredOn!.Value,
                              s.Spend!.Amount,
                              s.Spend.Currency,
                              LimitAmount = l == null ? null : l.LimitAmount,
                              LimitCurrency = l == null ? null : l.LimitCurrency,
                          })
            .ToListAsync(cancellationToken);
        var teams = (await stories.AsNoTracking().SelectMany(s => s.Teams).Select(t => new { t.StoryId, t.TeamId })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.StoryId, t => new SpendLine.Named<int>(t.TeamId, string.Empty));
        return rows.Select(r => new SpendLine(
                r.Id, string.Empty, r.Status, r.OccurredOn, r.Amount, r.Currency, string.Empty, teams[r.Id].ToList(), [],
                r.LimitAmount, r.LimitCurrency, null))
            .ToList();
    }

    /// <summary>Each story's spend with its teams, the people credited, and the limit and reason it was saved with.</summary>
    public static Task<List<SpendLine>> SpendLinesAsync(
        this IQueryable<Story> stories, IQueryable<StoryLatitude> latitudes, CancellationToken cancellationToken = default) =>
        stories.AsNoTracking()
            .OrderByDescending(s => s.OccurredOn).ThenByDescending(s => s.Id)
            .Select(s => new SpendLine(
                s.Id,
                s.Title,
                s.Status,
                s.OccurredOn!.Value,
                s.Spend!.Amount,
                s.Spend.Currency,
                s.Spend.Purpose,
                s.Teams.OrderBy(t => t.Team.Name).Select(t => new SpendLine.Named<int>(t.TeamId, t.Team.Name)).ToList(),
                s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => new SpendLine.Named<string>(h.PersonId, h.Person.DisplayName)).ToList(),
                latitudes.Where(l => l.StoryId == s.Id).Select(l => l.LimitAmount).FirstOrDefault(),
                latitudes.Where(l => l.StoryId == s.Id).Select(l => l.LimitCurrency).FirstOrDefault(),
                latitudes.Where(l => l.StoryId == s.Id).Select(l => l.OverLimitReason).FirstOrDefault()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}
