using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Delivery;

/// <summary>A person turns on email for celebrations, is celebrated, and follows the email's links.</summary>
public sealed class EmailJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    private const string Password = "a long journey password 2026";

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Person_turns_on_email_for_celebrations_is_celebrated_and_follows_the_mails_links(string screen)
    {
        var (email, storyId, title) = await ArrangeAsync();
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, email, Password);

        await page.GotoAsync("Notifications");
        await page.GetByRole(AriaRole.Link, new() { Name = "Email choices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email choices", Level = 1 })).ToBeVisibleAsync();
        var celebrations = page.GetByRole(AriaRole.Group, new() { Name = "Your story is celebrated" });
        await Expect(celebrations.GetByLabel("In the app only")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page);
        await celebrations.GetByLabel("Email at once").CheckAsync();
        await ScreenshotAsync(page, $"email-choices-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email choices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Email choices saved.");
        await Expect(celebrations.GetByLabel("Email at once")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page);

        var leader = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync($"Stories/{storyId}");
        var form = leader.Locator("#celebrations");
        await form.Locator("input[name='Celebration.BadgeId']").First.CheckAsync();
        await form.GetByLabel("Your message to the people in the story").FillAsync("You made that customer's week. Thank you!");
        await form.GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
        await Expect(leader.Locator("[data-celebration-note]")).ToContainTextAsync("You have celebrated this story.");

        var mail = await MailPickup.WaitForMessageToAsync(App.MailFolder, email, m => m.Subject.Contains("celebrated your story", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal($"{DemoAccounts.Leader.Name} celebrated your story “{title}”", mail.Subject);
        var storyLink = mail.LinkTo($"/Stories/{storyId}");
        Assert.Equal(App.BaseUrl.GetLeftPart(UriPartial.Authority), storyLink.GetLeftPart(UriPartial.Authority));

        await page.GotoAsync(storyLink.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".celebration").Filter(new() { HasText = "made that customer's week" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"email-story-from-mail-{screen}");

        // The unsubscribe link works signed out, and only asks until the button is pressed.
        var stranger = await NewPageAsync(Screen.Named(screen));
        await stranger.GotoAsync(mail.LinkTo("/mail/unsubscribe").ToString());
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribe", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(stranger);
        await ScreenshotAsync(stranger, $"email-unsubscribe-{screen}");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribed", Level = 1 })).ToBeVisibleAsync();
        await Expect(stranger.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer get email for “Your story is celebrated”");
        await AssertAccessibleAsync(stranger);

        await page.GotoAsync("Notifications/Email");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Your story is celebrated" }).GetByLabel("In the app only")).ToBeCheckedAsync();
    }

    /// <summary>A person of this test's own, credited on a published story nobody has celebrated yet.</summary>
    private async Task<(string Email, int StoryId, string Title)> ArrangeAsync()
    {
        var email = UniqueEmail("celebrated");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = new Person(email, $"Robin Celebrated {Guid.NewGuid():N}"[..24], "Concierge", DateTimeOffset.UtcNow) { EmailConfirmed = true };
            Assert.True((await users.CreateAsync(person, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(person, CareStories.Domain.People.Roles.Employee)).Succeeded);
        }

        return await App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var robin = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var tom = await db.Users.Where(u => u.Email == "tom@carestories.example").Select(u => u.Id).SingleAsync();
            var sam = await db.Users.Where(u => u.Email == DemoAccounts.Manager.Email).Select(u => u.Id).SingleAsync();
            // Sam's own customer-facing team, so the story stays out of the behind-the-scenes feed other journeys read.
            var team = await db.TeamMemberships.Where(m => m.PersonId == sam && m.IsManager).Select(m => m.TeamId).FirstAsync();
            var story = new Story(tom, new StoryContent(
                $"Kept the anniversary dinner a surprise {Guid.NewGuid():N}"[..50],
                DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
                "A guest's anniversary dinner booking was lost when the restaurant's system crashed.",
                "Robin found a table with a view, arranged flowers and kept it all quiet.",
                null,
                "The couple wrote that it was the best evening of their year.",
                null,
                null,
                null), now.AddHours(-6));
            story.SetTeams([team]);
            story.SetHeroes([robin]);
            story.Submit(tom, now.AddHours(-5));
            story.Publish(sam, now.AddHours(-4));
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return (email, story.Id, story.Title);
        });
    }
}
