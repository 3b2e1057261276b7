using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Stories;

public sealed partial class WritingAStoryJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_writes_a_story_with_a_customer_quote_submits_it_and_their_manager_finds_it(string screen)
    {
        var title = $"Drove the spare charger to the station ({screen} {Guid.NewGuid():N})"[..60];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GotoAsync("Stories/New");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Write a story", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Title").FillAsync(title);
        await Expect(page.Locator("#title-count")).ToContainTextAsync($"{title.Length} of 120 characters");
        await page.GetByLabel("When it happened").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("The customer's situation").FillAsync("A commuter's wheelchair battery died at the station.\n\nThe last train left in forty minutes.");
        await page.GetByLabel("What was done right away").FillAsync("Fatima drove our spare charger over and waited with him.");
        await page.GetByLabel("The outcome for the customer").FillAsync("He caught the last train home.");
        await page.GetByLabel("Fatima Haddad").CheckAsync();
        await page.GetByLabel("Listened first").CheckAsync();
        await ScreenshotAsync(page, $"story-form-filled-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your draft was saved");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Draft");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a quote" }).ClickAsync();
        await page.GetByLabel("The customer's words").FillAsync("I thought I would be sleeping at the station. Thank you!");
        await page.GetByLabel("Where they came from").SelectOptionAsync(new SelectOptionValue { Label = "Email" });
        await page.GetByLabel("First name only").CheckAsync();
        await page.GetByLabel("The customer's name").FillAsync("Tobias Lindqvist");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the quote" }).ClickAsync();

        var quote = page.Locator(".quote").Filter(new() { HasText = "sleeping at the station" });
        await Expect(quote).ToContainTextAsync("Tobias");
        await Expect(quote).Not.ToContainTextAsync("Lindqvist");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(page.Locator(".status")).ToHaveTextAsync("Waiting for review");
        await Expect(page.Locator(".history")).ToContainTextAsync("Submitted for review");
        await ScreenshotAsync(page, $"story-submitted-{screen}");
        await AssertAccessibleAsync(page);
        var storyUrl = page.Url;

        await page.GotoAsync("Stories");
        await Expect(page.Locator(".story-row").Filter(new() { HasText = title })).ToContainTextAsync("Waiting for review");
        await AssertAccessibleAsync(page);

        var manager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(manager, DemoAccounts.Manager);
        // The manager hears of it under the bell (the home page lists only the five longest-waiting stories, and
        // other journeys share this database), and the notification leads to the story's review page.
        await manager.GotoAsync("Notifications");
        await manager.Locator("li").Filter(new() { HasText = $"submitted “{title}” for your review" }).First
            .GetByRole(AriaRole.Button).ClickAsync();
        await Expect(manager).ToHaveURLAsync(storyUrl.Replace("/Stories/", "/Review/Story/", StringComparison.Ordinal));
        await Expect(manager.Locator(".quote")).ToContainTextAsync("Tobias");
        await ScreenshotAsync(manager, $"story-seen-by-manager-{screen}");
    }

    [Fact]
    public async Task Submitting_an_unfinished_story_shows_each_problem_and_keeps_what_was_typed()
    {
        var page = await NewPageAsync(Screen.Phone);
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GotoAsync("Stories/New");
        await page.GetByLabel("Title").FillAsync("Unfinished thoughts");
        await page.GetByLabel("When it happened").FillAsync(string.Empty);
        await page.GetByLabel("The customer's situation").FillAsync("Only this is written so far.");
        await page.GetByLabel("Amount").FillAsync("twelve");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Say what was done right away");
        await Expect(summary).ToContainTextAsync("is not a valid amount");
        await Expect(page.Locator("[data-valmsg-for='Input.Outcome']")).ToContainTextAsync("Say how it turned out");
        await Expect(page.GetByLabel("The customer's situation")).ToHaveValueAsync("Only this is written so far.");
        await Expect(page.GetByLabel("Amount")).ToHaveValueAsync("twelve");
        await ScreenshotAsync(page, "story-form-errors-phone");
        await AssertAccessibleAsync(page);

        // The summary's links take the person to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Say what was done right away." }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ImmediateActionAnchor());
    }

    [GeneratedRegex("#Input_ImmediateAction$")]
    private static partial Regex ImmediateActionAnchor();
}
