using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Loop;

/// <summary>
/// The loop the product exists for, across three people in three browsers: an employee submits a story, their
/// manager publishes it, a leader celebrates it, and the employee hears about it and finds the celebration on the feed.
/// </summary>
[Collection(BrowserCollection.Second)]
public sealed class RecognitionLoopJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_submits_manager_publishes_leader_celebrates_and_the_employee_hears_and_sees_it_on_the_feed(string screen)
    {
        var title = $"Found a lost wedding ring in the returns bin ({screen} {Guid.NewGuid():N})"[..60];
        const string message = "Finding that ring meant more to the customer than any refund. Thank you, Jamie.";

        // Jamie writes and submits in one go.
        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync("Stories/New");
        await employee.GetByLabel("Title").FillAsync(title);
        await employee.GetByLabel("When it happened").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await employee.GetByLabel("The customer's situation").FillAsync("A customer returned a parcel and realised an hour later that her wedding ring had slipped into it.");
        await employee.GetByLabel("What was done right away").FillAsync("I searched the returns bin with her on a video call until we found it, and sent it back by courier that evening.");
        await employee.GetByLabel("The outcome for the customer").FillAsync("She had her ring back the next morning.");
        await employee.GetByRole(AriaRole.Group, new() { Name = "Teams" }).GetByLabel("Customer Support").CheckAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(employee.Locator(".status")).ToHaveTextAsync("Waiting for review");
        var storyUrl = employee.Url;

        // Sam, who manages Customer Support, hears of it and publishes it from the review page.
        var manager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(manager, DemoAccounts.Manager);
        await manager.GotoAsync("Notifications");
        var waiting = manager.Locator("li").Filter(new() { HasText = $"submitted “{title}” for your review" }).First;
        await Expect(waiting).ToBeVisibleAsync();
        await waiting.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        // Dana finds it at the top of the feed and celebrates it with a badge and a message.
        var leader = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync("Feed");
        await leader.Locator("article").Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var celebrations = leader.Locator("#celebrations");
        await celebrations.GetByLabel("Above and beyond").CheckAsync();
        await celebrations.GetByLabel("Your message to the people in the story").FillAsync(message);
        await celebrations.GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
        await Expect(leader.Locator(".celebration").Filter(new() { HasText = message })).ToBeVisibleAsync();

        // Jamie's bell has news; the list says who published and who celebrated, and leads to the story.
        await employee.GotoAsync("");
        await Expect(employee.Locator("a.nav-bell .nav-bell-count")).ToBeVisibleAsync();
        await employee.Locator("a.nav-bell").ClickAsync();
        await Expect(employee.Locator(".notice-unread").Filter(new() { HasText = $"Sam Okafor published your story “{title}”" })).ToBeVisibleAsync();
        var celebrated = employee.Locator(".notice-unread").Filter(new() { HasText = $"Dana Whitfield celebrated your story “{title}”" });
        await ScreenshotAsync(employee, $"loop-notifications-{screen}");
        await AssertAccessibleAsync(employee);
        await celebrated.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(employee).ToHaveURLAsync(storyUrl);
        await Expect(employee.Locator(".celebration").Filter(new() { HasText = message })).ToContainTextAsync("Dana Whitfield");
        await Expect(employee.Locator(".status")).ToHaveTextAsync("Published");

        // And on the feed, where everyone sees it: the card carries the badge.
        await employee.GotoAsync("Feed");
        var card = employee.Locator("article").Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync("Above and beyond");
        await Expect(card).ToContainTextAsync("Jamie Rivera");
        await ScreenshotAsync(employee, $"loop-feed-{screen}");
        await AssertAccessibleAsync(employee);
    }
}
