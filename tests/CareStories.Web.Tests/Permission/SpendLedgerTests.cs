using System.Globalization;
using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Permission;

/// <summary>
/// The ledger's sums against stories generated on both sides of month boundaries, in two currencies and every
/// status, and what a manager sees of it (only their teams) on the page and in the CSV.
/// </summary>
public sealed class SpendLedgerTests(SpendLedgerTests.Arranged arranged) : IClassFixture<SpendLedgerTests.Arranged>
{
    private const string Period = "/Ledger?from=2026-01&to=2026-02";

    public sealed class Arranged : IAsyncLifetime
    {
        public Arranged() => Factory = new CareStoriesFactory();

        public CareStoriesFactory Factory { get; }

        internal ReviewTeam A { get; private set; } = null!;

        internal ReviewTeam B { get; private set; } = null!;

        public int OverLimitStory { get; private set; }

        public async Task InitializeAsync()
        {
            A = await Factory.ReviewTeamAsync();
            B = await Factory.ReviewTeamAsync();
            await Factory.LimitsAsync(100m, "EUR");
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 1, 31), 40m, "EUR");
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 2, 1), 60.50m, "EUR", StoryStatus.Submitted);
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 2, 28), 30m, "USD");
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 2, 15), 999m, "EUR", StoryStatus.Draft);
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 2, 15), 77m, "EUR", StoryStatus.ChangesRequested);
            await Factory.SpendStoryAsync(A.Author, A.TeamId, A.Manager, new(2026, 2, 16), 88m, "EUR", StoryStatus.Withdrawn);
            OverLimitStory = await Factory.SpendStoryAsync(B.Author, B.TeamId, B.Manager, new(2026, 2, 10), 150m, "EUR", overLimitReason: "The only van left.");
            await Factory.SpendStoryAsync(B.Author, B.TeamId, B.Manager, new(2025, 12, 31), 5m, "EUR");
            await Factory.SpendStoryAsync(B.Author, B.TeamId, B.Manager, new(2026, 3, 1), 7m, "EUR");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly CareStoriesFactory _factory = arranged.Factory;

    [Fact]
    public async Task Leader_sees_totals_per_currency_and_month_counting_only_published_and_waiting_stories_in_the_period()
    {
        var leader = await _factory.SignInAsync(await _factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var page = await leader.GetDocumentAsync(Period);

        Assert.Equal("EUR 250.50", page.QuerySelector("[data-ledger-totals] [data-currency=EUR] strong")!.TextContent);
        Assert.Equal("USD 30.00", page.QuerySelector("[data-ledger-totals] [data-currency=USD] strong")!.TextContent);
        Assert.Equal(
            [["January 2026", "1", "EUR 40.00"], ["February 2026", "3", "EUR 210.50 + USD 30.00"]],
            Rows(page, "month-heading"));
        Assert.Contains(Rows(page, "team-heading"), r => r[1] == "1" && r[2] == "EUR 150.00");
        Assert.Equal("1", Band(page, "TenToFiftyPercent"));
        Assert.Equal("1", Band(page, "FiftyToHundredPercent"));
        Assert.Equal("1", Band(page, "OverLimit"));
        Assert.Equal("1", Band(page, "NotCompared"));
        var over = page.QuerySelector("[data-over-limit-list]")!;
        Assert.NotNull(over.QuerySelector($"a[href='/Stories/{arranged.OverLimitStory}']"));
        Assert.Contains("EUR 50.00 over", over.TextContent);
        Assert.Contains("The only van left.", over.TextContent);
        Assert.Contains("Only published stories and stories waiting for review count", page.QuerySelector("[data-ledger-scope]")!.TextContent);
    }

    [Fact]
    public async Task The_csv_holds_the_same_incidents_as_the_page_and_its_sums_match()
    {
        var leader = await _factory.SignInAsync(await _factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var rows = await CsvAsync(leader, Period + "&handler=Csv");

        Assert.Equal(4, rows.Count);
        Assert.Equal(250.50m, rows.Where(r => r["Currency"] == "EUR").Sum(r => decimal.Parse(r["Amount"], CultureInfo.InvariantCulture)));
        Assert.Equal(30m, rows.Where(r => r["Currency"] == "USD").Sum(r => decimal.Parse(r["Amount"], CultureInfo.InvariantCulture)));
        Assert.Equal(["2026-01", "2026-02", "2026-02", "2026-02"], rows.Select(r => r["Month"]).Order().ToArray());
        Assert.Equal("50.00", rows.Single(r => r["Amount"] == "150.00")["Over the limit by"]);
    }

    [Fact]
    public async Task Manager_sees_only_their_teams_on_the_page_and_in_the_csv()
    {
        var manager = await _factory.SignInAsync(arranged.A.Manager);

        var page = await manager.GetDocumentAsync(Period);
        var rows = await CsvAsync(manager, Period + "&handler=Csv");

        Assert.Equal("EUR 100.50", page.QuerySelector("[data-ledger-totals] [data-currency=EUR] strong")!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/Stories/{arranged.OverLimitStory}']"));
        Assert.Contains("in the teams you manage", page.QuerySelector("h1 + p")!.TextContent);
        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain(rows, r => r["Story"] == arranged.OverLimitStory.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unreadable_period_falls_back_to_the_last_twelve_months_with_a_message()
    {
        var leader = await _factory.SignInAsync(await _factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var page = await leader.GetDocumentAsync("/Ledger?from=not-a-month&to=2026-13");

        Assert.Contains("could not be read", page.QuerySelector(".ledger-period [role=status]")!.TextContent);
        Assert.Equal("2025-04", page.QuerySelector<IHtmlInputElement>("#from")!.Value);
        Assert.Equal("2026-03", page.QuerySelector<IHtmlInputElement>("#to")!.Value);
    }

    private static List<string[]> Rows(IHtmlDocument page, string heading) =>
        page.QuerySelectorAll($"section[aria-labelledby={heading}] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();

    private static string Band(IHtmlDocument page, string band) =>
        page.QuerySelector($"[data-bands] tr[data-band={band}] td:last-child")!.TextContent.Trim();

    /// <summary>The CSV as rows of named fields (the test data has no commas or quotes in it).</summary>
    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
