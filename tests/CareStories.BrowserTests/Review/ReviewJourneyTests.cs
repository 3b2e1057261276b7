using CareStories.Domain.Stories;
using CareStories.Web.Demo;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Review;

[Collection(BrowserCollection.Second)]
public sealed class ReviewJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Manager_opens_the_queue_reads_a_demo_story_sends_one_back_and_publishes_another(string screen)
    {
        // Two stories of this run's own from Sam's team, so the demo's waiting stories stay for other journeys.
        var sendBack = await WaitingStoryFromSupportAsync($"Rebooked a missed engineer visit ({screen} {Guid.NewGuid():N})"[..50]);
        var publish = await WaitingStoryFromSupportAsync($"Talked a customer through a reset ({screen} {Guid.NewGuid():N})"[..50]);
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Manager);

        // Home shows the top of the queue and leads to all of it.
        var waiting = page.Locator("[aria-labelledby=waiting-heading]");
        await Expect(waiting.Locator("[data-overdue]").First).ToBeVisibleAsync();
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "Open the review queue" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"review-manager-home-{screen}");

        // From the main navigation, which a phone folds behind the menu button.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Show menu" });
        if (await menu.IsVisibleAsync())
        {
            await menu.ClickAsync();
            // Open, not still sliding open: a click during the 0.35 s slide can land beside a link still moving into place.
            await Expect(page.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stories waiting for review", Level = 1 })).ToBeVisibleAsync();
        // The demo's oldest waiting stories have waited longer than the default three days.
        await Expect(page.Locator("[data-overdue-count]")).ToContainTextAsync("longer than 3 days");
        await ScreenshotAsync(page, $"review-queue-{screen}");
        await AssertAccessibleAsync(page);

        // The longest-waiting story leads the queue: read it whole, quotes and all.
        var oldest = page.Locator(".review-row").First;
        await Expect(oldest.Locator("[data-overdue]")).ToBeVisibleAsync();
        var demoTitle = (await oldest.Locator("h2").InnerTextAsync()).Trim();
        await oldest.Locator("h2 a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = demoTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".quote").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"review-demo-story-{screen}");
        await AssertAccessibleAsync(page);

        // Sending back needs a comment; without one the page says so and keeps the story in view.
        await page.GotoAsync("Review");
        await page.GetByRole(AriaRole.Link, new() { Name = sendBack, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send back to the author" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("Tell the author what to change.");
        await Expect(page.Locator("[data-valmsg-for='Input.Comment']")).ToContainTextAsync("Tell the author what to change.");
        await ScreenshotAsync(page, $"review-send-back-error-{screen}");
        await AssertAccessibleAsync(page);

        const string comment = "Lovely. Please add what the customer said when the engineer arrived.";
        await page.GetByLabel("What should the author change?").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send back to the author" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was sent back to Fatima Haddad");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = sendBack, Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = publish, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = publish, Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"review-queue-after-{screen}");
        await AssertAccessibleAsync(page);

        var statuses = await App.WithDbAsync(db => db.Stories.AsNoTracking()
            .Where(s => s.Title == sendBack || s.Title == publish)
            .ToDictionaryAsync(s => s.Title, s => (s.Status, s.ReviewComment)));
        Assert.Equal((StoryStatus.ChangesRequested, comment), statuses[sendBack]);
        Assert.Equal(StoryStatus.Published, statuses[publish].Status);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Admin_finds_the_review_settings_explained_and_a_wrong_number_is_refused_beside_the_field(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Admin);

        await page.GotoAsync("Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change review settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review settings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Publish stories on submission without review")).Not.ToBeCheckedAsync();

        // Refused, so the shared demo company keeps its settings for the other journeys.
        await page.GetByLabel("Highlight stories waiting longer than").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.ReviewOverdueDays']")).ToContainTextAsync("from 1 to 60");
        await Expect(page.GetByLabel("Highlight stories waiting longer than")).ToHaveValueAsync("90");
        await ScreenshotAsync(page, $"review-settings-{screen}");
        await AssertAccessibleAsync(page);
    }

    /// <summary>A complete story by Fatima (Customer Support, Sam's team), waiting for review since just now.</summary>
    private Task<string> WaitingStoryFromSupportAsync(string title) => App.WithDbAsync(async db =>
    {
        var fatima = await db.Users.SingleAsync(u => u.Email == $"fatima@{DemoData.Domain}");
        var support = await db.Teams.SingleAsync(t => t.Name == "Customer Support");
        var now = DateTimeOffset.UtcNow;
        var story = new Story(fatima.Id, new StoryContent(
            title,
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
            "The customer had waited in all morning for an engineer who never came.",
            "I found a cancelled slot that afternoon, booked it, and called the customer back within ten minutes.",
            null,
            "The boiler was fixed the same day.",
            null,
            null,
            null), now);
        story.SetTeams([support.Id]);
        story.Submit(fatima.Id, now);
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return story.Title;
    });
}
