using System.Globalization;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Notifications;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Notifications;

/// <summary>An employee hears about their story under the bell, opens it, and looks at their record of recognition.</summary>
public sealed class NotificationJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_opens_a_notification_from_the_bell_then_prints_their_recognition(string screen)
    {
        var (storyId, title) = await ArrangeNewsForJamieAsync();
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        var bell = page.Locator("a.nav-bell");
        await Expect(bell).ToBeVisibleAsync();
        var unread = await UnreadAsync(page);
        Assert.True(unread >= 3, $"Expected at least 3 unread notifications, the bell says {unread}.");
        await Expect(bell).ToContainTextAsync($"{unread} unread notifications");
        await ScreenshotAsync(page, $"notifications-bell-{screen}");

        await bell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        var celebrated = page.Locator(".notice-unread").Filter(new() { HasText = $"celebrated your story “{title}”" }).First;
        await Expect(celebrated).ToContainTextAsync("New");
        await ScreenshotAsync(page, $"notifications-list-{screen}");
        await AssertAccessibleAsync(page);

        await celebrated.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(App.BaseUrl, $"Stories/{storyId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(unread - 1, await UnreadAsync(page));

        await page.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your recognition" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Employee.Name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-labelledby=stories-heading]").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.Locator(".celebration-list")).ToContainTextAsync("Dana Whitfield");
        await ScreenshotAsync(page, $"person-page-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable record" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-labelledby=print-stories-heading]")).ToContainTextAsync(title);
        await ScreenshotAsync(page, $"person-print-view-{screen}");
        await AssertAccessibleAsync(page);

        // On paper: no navigation, no form, no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("form.period-form")).ToBeHiddenAsync();
        await Expect(page.Locator(".print-record h1")).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"person-print-media-{screen}");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_explained_beside_the_field()
    {
        var page = await NewPageAsync(Screen.Phone);
        await SignInAsync(page, DemoAccounts.Manager);
        var jamie = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Employee.Email).Select(u => u.Id).SingleAsync());

        await page.GotoAsync($"People/{jamie}/Print");
        await page.GetByLabel("Start date").FillAsync("2026-05-01");
        await page.GetByLabel("End date").FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show this period" }).ClickAsync();

        await Expect(page.Locator("[data-valmsg-for=From]")).ToHaveTextAsync("The start date must be on or before the end date.");
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Start date")).ToHaveValueAsync("2026-05-01");
        await ScreenshotAsync(page, "person-print-invalid-period-phone");
        await AssertAccessibleAsync(page);
    }

    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(await page.Locator("a.nav-bell").GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// News for Jamie about a published story that credits them, from people in the demo company: published,
    /// celebrated (with a badge of this test's own), commented on. Made here so the journey does not depend on
    /// what the demo data happens to hold.
    /// </summary>
    private Task<(int StoryId, string Title)> ArrangeNewsForJamieAsync() => App.WithDbAsync(async db =>
    {
        var people = await db.Users
            .Where(u => u.Email == DemoAccounts.Employee.Email || u.Email == DemoAccounts.Manager.Email || u.Email == DemoAccounts.Leader.Email)
            .ToDictionaryAsync(u => u.Email!, u => u.Id);
        var jamie = people[DemoAccounts.Employee.Email];
        var sam = people[DemoAccounts.Manager.Email];
        var dana = people[DemoAccounts.Leader.Email];

        // A story of this run's own, published, crediting Jamie: other journeys celebrate the demo's stories too.
        var now = DateTimeOffset.UtcNow;
        var supportTeam = await db.Teams.Where(t => t.Name == "Customer Support").Select(t => t.Id).SingleAsync();
        var story = new Story(jamie, new StoryContent(
            $"Rebooked a missed delivery before the customer noticed {Guid.NewGuid():N}"[..64],
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(-3)),
            "A customer's delivery slot was missed because the van broke down.",
            "Jamie rebooked it for the same evening and called the customer to say so.",
            null,
            "The parcel arrived that evening.",
            null,
            null,
            null), now.AddHours(-6));
        story.SetTeams([supportTeam]);
        story.Submit(jamie, now.AddHours(-5));
        story.Publish(sam, now.AddHours(-3));
        db.Stories.Add(story);
        await db.SaveChangesAsync();

        var badge = new Badge($"Above and beyond {Guid.NewGuid():N}"[..24], "Went further than anyone asked.", BadgeColour.Amber, "🌟");
        db.Badges.Add(badge);
        await db.SaveChangesAsync();

        // Publishing and celebrating tell Jamie through their events; the comment's news is added by hand.
        db.Celebrations.Add(Celebration.Give(story.Facts(), dana, badge, "Jamie, this is exactly the care we want customers to feel. Thank you.", now.AddMinutes(-30)));
        db.Notifications.Add(new Notification(jamie, NotificationKind.StoryCommented, story.Id, sam, now.AddHours(-1)));
        await db.SaveChangesAsync();
        return (story.Id, story.Title);
    });
}
