using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Roles;

/// <summary>The admin's and the leader's main journeys in this release, as a person clicks through them.</summary>
public sealed class RoleJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Admin_adds_a_value_and_a_behind_the_scenes_team_that_a_story_can_then_choose(string screen)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var valueName = $"Kept the promise {suffix}";
        var teamName = $"Payroll {suffix}";
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Admin);

        await page.GotoAsync("Admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync("Admin/Values");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a value" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(valueName);
        await page.GetByLabel("What it looks like in practice").FillAsync("Did what we said we would, when we said we would.");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add value" }).ClickAsync();
        await Expect(page.Locator("tr").Filter(new() { HasText = valueName })).ToContainTextAsync("In use");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("Admin/Teams/Edit");
        await page.GetByLabel("Team name").FillAsync(teamName);
        await page.GetByLabel("Behind the scenes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Managers", Exact = true }).GetByLabel("Tom Becker").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Members", Exact = true }).GetByLabel("Mei Chen").CheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
        var row = page.Locator("tr").Filter(new() { HasText = teamName });
        await Expect(row).ToContainTextAsync("Behind the scenes");
        await Expect(row).ToContainTextAsync("Tom Becker");
        await ScreenshotAsync(page, $"admin-teams-{screen}");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("Admin/People");
        await AssertAccessibleAsync(page);

        // What the admin set up is what a writer can choose.
        await page.GotoAsync("Stories/New");
        await Expect(page.GetByLabel(valueName)).ToBeVisibleAsync();
        await Expect(page.GetByLabel(teamName)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Leader_reads_a_published_story_from_the_home_page_with_quotes_as_consented()
    {
        var page = await NewPageAsync(Screen.Laptop);
        await SignInAsync(page, DemoAccounts.Leader);

        var recent = page.Locator("[aria-labelledby=recent-heading]");
        await Expect(recent.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await recent.GetByRole(AriaRole.Link).First.ClickAsync();

        // The story's own status, in its heading (a fix on the story shows a status of its own further down).
        await Expect(page.Locator(".page-head .status:not(.status-featured)")).ToHaveTextAsync("Published");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In the customer's words" })).ToBeVisibleAsync();
        await Expect(page.Locator(".history")).ToContainTextAsync("Published");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "leader-reads-story-laptop");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Employee_is_shown_the_friendly_page_for_admin_pages_and_missing_stories()
    {
        var page = await NewPageAsync(Screen.Phone);
        await SignInAsync(page, DemoAccounts.Employee);

        var forbidden = await page.GotoAsync("Admin/Teams");
        Assert.Equal(403, forbidden!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this page" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var missing = await page.GotoAsync("Stories/999999");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "not-found-phone");
    }
}
