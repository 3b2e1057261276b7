using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Insights;

/// <summary>
/// A leader finds Insights from the home page, narrows it to behind-the-scenes teams over the last quarter, reads a
/// chart and the table of its numbers, and downloads the CSV; a manager opens their team record and prints it.
/// </summary>
[Collection(BrowserCollection.Second)]
public sealed class InsightsJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Leader_opens_insights_changes_the_period_and_filters_reads_a_chart_and_exports_the_csv(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Leader);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Across the company, last 30 days" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"insights-leader-home-{screen}");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Insights" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Insights · CareStories");
        await Expect(page.Locator(".lead-muted")).ToContainTextAsync("The whole company");
        await ScreenshotAsync(page, $"insights-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Last quarter (3 months)" });
        await page.GetByLabel("Kind of team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Behind the scenes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        // The choice is in the address, so the view can be shared or bookmarked.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=quarter.*kind=behind-the-scenes"));
        await Expect(page.Locator(".lead-muted")).ToContainTextAsync("Behind-the-scenes teams");
        var coverage = page.Locator("[data-table=coverage] tbody tr");
        Assert.True(await coverage.CountAsync() > 0);
        foreach (var row in await coverage.AllAsync())
        {
            await Expect(row).ToContainTextAsync("Behind the scenes");
        }

        // The chart is drawn by the charting library from the page's numbers, and the same numbers are in its table.
        var chart = page.Locator("canvas#chart-coverage");
        await chart.ScrollIntoViewIfNeededAsync();
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.Chart && !!window.Chart.getChart(document.getElementById('chart-coverage'))"));
        await Expect(page.Locator("#chart-coverage-title + [data-chart-summary]")).ToContainTextAsync("people were recognised");
        var tableRows = page.Locator("[data-chart-table=chart-coverage] tbody tr");
        Assert.Equal(await coverage.CountAsync(), await tableRows.CountAsync());
        await ScreenshotAsync(page, $"insights-behind-the-scenes-{screen}");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Team,Kind of team,People", lines[0], StringComparison.Ordinal);
        Assert.Equal(await coverage.CountAsync(), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",Behind the scenes,", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Manager_opens_their_team_record_and_prints_it(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Manager);

        await page.GotoAsync("Insights");
        await Expect(page.Locator(".lead-muted")).ToContainTextAsync("Your teams");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who could you recognise?" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"insights-manager-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Team record" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team record", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-table=team-record]")).ToContainTextAsync(DemoAccounts.Employee.Name);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"team-record-{screen}");
        await AssertAccessibleAsync(page);

        // On paper: no navigation, no filters, no buttons; the record itself.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("form.insights-filters")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Expect(page.Locator("[data-table=team-record]")).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"team-record-print-{screen}");
    }
}
