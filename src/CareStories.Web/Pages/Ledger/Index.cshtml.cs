using System.Globalization;
using CareStories.Domain.Permission;
using CsvHelper;

namespace CareStories.Web.Pages.Ledger;

/// <summary>
/// The spend ledger: what was spent on customers in a period, by month, team, person and purpose, how it spreads
/// against the limit, and the stories over it. Leaders and Admins see the whole company; a manager sees the stories
/// of the teams they manage (the same stories they review), on the page and in the CSV.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The longest period one page totals, so a typo in a year cannot ask for centuries.</summary>
    public const int MaxMonths = 36;

    public SpendLedger Ledger { get; private set; } = SpendLedger.Of([]);

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public bool WholeCompany { get; private set; }

    public string? PeriodMessage { get; private set; }

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken) =>
        Ledger = await ReadAsync(from, to, cancellationToken);

    /// <summary>The incidents behind every total on the page, one row each, with the same period and scope.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var ledger = await ReadAsync(from, to, cancellationToken);
        var body = new MemoryStream();
        // Text people typed that a spreadsheet would run as a formula (=, +, -, @ first) is escaped, as OWASP advises.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using (var csv = CsvWriter.Create(body, options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(Header, cancellationToken);
            foreach (var line in ledger.Lines)
            {
                await csv.WriteRecordAsync(Row(line), cancellationToken);
            }
        }

        body.Position = 0;
        return File(body, "text/csv; charset=utf-8", $"spend-{From:yyyy-MM}-to-{To:yyyy-MM}.csv");
    }

    private static readonly string[] Header =
    [
        "Month", "Happened on", "Story", "Title", "Status", "Teams", "People credited", "Purpose", "Amount",
        "Currency", "Limit", "Limit currency", "Band", "Over the limit by", "Reason for going over",
    ];

    private static string[] Row(SpendLine line) =>
    [
        line.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        line.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        line.StoryId.ToString(CultureInfo.InvariantCulture),
        line.Title,
        line.Status.Label(),
        string.Join("; ", line.Teams.Select(t => t.Name)),
        string.Join("; ", line.People.Select(p => p.Name)),
        line.Purpose,
        line.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        line.Currency,
        line.LimitAmount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        line.LimitCurrency ?? "",
        line.Band.Label(),
        line.IsOverLimit ? (line.Amount - line.LimitAmount!.Value).ToString("0.00", CultureInfo.InvariantCulture) : "",
        line.OverLimitReason ?? "",
    ];

    private async Task<SpendLedger> ReadAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        ReadPeriod(from, to);
        var me = User.PersonId();
        WholeCompany = User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin);
        var stories = db.Stories.CountedInLedger().HappenedBetween(From, To);
        IReadOnlyCollection<int>? onlyTeams = null;
        if (!WholeCompany)
        {
            stories = stories.OfTeamsManagedBy(db.TeamMemberships, me);
            onlyTeams = await db.TeamMemberships.AsNoTracking()
                .Where(m => m.PersonId == me && m.IsManager).Select(m => m.TeamId).ToListAsync(cancellationToken);
        }

        return SpendLedger.Of(await stories.SpendLinesAsync(db.StoryLatitudes, cancellationToken), onlyTeams);
    }

    /// <summary>
    /// The months asked for ("2026-01" to "2026-03", both included); the last twelve months up to this one (UTC) when
    /// none or something unreadable was asked for, with a message saying so.
    /// </summary>
    private void ReadPeriod(string? from, string? to)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var defaultFrom = thisMonth.AddMonths(-11);
        var fromMonth = Month(from);
        var toMonth = Month(to);
        if ((from is not null && fromMonth is null) || (to is not null && toMonth is null))
        {
            PeriodMessage = "That period could not be read, so the last twelve months are shown. Pick the months from the boxes.";
            (fromMonth, toMonth) = (null, null);
        }

        var start = fromMonth ?? (toMonth?.AddMonths(-11) ?? defaultFrom);
        var end = toMonth ?? (fromMonth is null ? thisMonth : start.AddMonths(11));
        if (end < start)
        {
            (start, end) = (end, start);
        }

        if (start.AddMonths(MaxMonths - 1) < end)
        {
            start = end.AddMonths(-(MaxMonths - 1));
            PeriodMessage = $"A ledger covers at most {MaxMonths} months; the {MaxMonths} up to the last month asked for are shown.";
        }

        (From, To) = (start, end.AddMonths(1).AddDays(-1));
    }

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2100
            ? month
            : null;
}
