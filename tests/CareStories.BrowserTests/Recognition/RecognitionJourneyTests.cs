using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Recognition;

public sealed class RecognitionJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Leader_celebrates_a_published_story_and_an_employee_applauds_and_comments(string screen)
    {
        var badge = $"Saved the day {screen} {Guid.NewGuid():N}"[..24];
        var admin = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(admin, DemoAccounts.Admin);
        await admin.GotoAsync("Admin/Badges/Edit");
        await admin.GetByLabel("Name").FillAsync(badge);
        await admin.GetByLabel("What earns it").FillAsync("Turned a bad day around for a customer.");
        await admin.GetByLabel("Rose").CheckAsync();
        await admin.GetByLabel("Emoji (optional)").FillAsync("🦸");
        await ScreenshotAsync(admin, $"recognition-badge-form-{screen}");
        await AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add badge" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Badge “{badge}” added.");
        await Expect(admin.Locator("tr").Filter(new() { HasText = badge }).Locator(".badge-chip.badge-colour-rose")).ToBeVisibleAsync();
        await ScreenshotAsync(admin, $"recognition-badges-{screen}");
        await AssertAccessibleAsync(admin);

        var storyUrl = $"Stories/{await App.PublishedStoryByAColleagueAsync()}";
        var leader = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync(storyUrl);
        var celebrations = leader.Locator("#celebrations");
        await Expect(celebrations.GetByRole(AriaRole.Heading, new() { Name = "Celebrate this story" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(leader);
        await celebrations.GetByLabel(badge).CheckAsync();
        await celebrations.GetByLabel("Your message to the people in the story").FillAsync("This is exactly the care we want customers to feel. Thank you!");
        await Expect(leader.Locator("#celebration-message-count")).ToContainTextAsync("of 1,000 characters");
        await ScreenshotAsync(leader, $"recognition-celebrate-form-{screen}");
        await celebrations.GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();

        var celebration = leader.Locator(".celebration").Filter(new() { HasText = "exactly the care we want" });
        await Expect(celebration).ToContainTextAsync(badge);
        await Expect(celebration).ToContainTextAsync(DemoAccounts.Leader.Name);
        await Expect(leader.Locator("[data-celebration-note]")).ToContainTextAsync("You have celebrated this story.");
        await ScreenshotAsync(leader, $"recognition-celebrated-{screen}");
        await AssertAccessibleAsync(leader);

        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync(storyUrl);
        await Expect(employee.Locator(".celebration").Filter(new() { HasText = "exactly the care we want" })).ToBeVisibleAsync();
        await Expect(employee.Locator("form.celebrate-form")).ToHaveCountAsync(0);
        await Expect(employee.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Applaud" }).ClickAsync();
        var takeBack = employee.GetByRole(AriaRole.Button, new() { Name = "Take back applause" });
        await Expect(takeBack).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(employee.Locator("[data-applause-summary]")).ToContainTextAsync("You");

        await employee.GetByLabel("Add a comment").FillAsync("Reading this on my first week. Now I know what good looks like here.");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var comment = employee.Locator(".comment").Filter(new() { HasText = "what good looks like here" });
        await Expect(comment).ToContainTextAsync(DemoAccounts.Employee.Name);
        await Expect(comment.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToBeVisibleAsync();
        await ScreenshotAsync(employee, $"recognition-applauded-and-commented-{screen}");
        await AssertAccessibleAsync(employee);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Admin_hides_a_comment_with_a_reason_that_stays_on_record(string screen)
    {
        var text = $"Rude words about a customer ({screen} {Guid.NewGuid():N})";
        var storyId = await App.PublishedStoryByAColleagueAsync();
        await App.WithDbAsync(async db =>
        {
            var writer = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Employee.Email);
            var story = await db.Stories.Include(s => s.Heroes).SingleAsync(s => s.Id == storyId);
            db.Comments.Add(Comment.Write(story.Facts(), writer.Id, text, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var admin = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(admin, DemoAccounts.Admin);
        await admin.GotoAsync($"Stories/{storyId}");
        var comment = admin.Locator(".comment").Filter(new() { HasText = text });
        await comment.GetByRole(AriaRole.Link, new() { Name = "Hide (admin)" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Hide a comment", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync(text);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Hide comment" }).ClickAsync();
        await Expect(admin.Locator("[data-error-summary]")).ToContainTextAsync("Say why the comment is hidden");
        await ScreenshotAsync(admin, $"recognition-hide-refused-{screen}");
        await AssertAccessibleAsync(admin);

        await admin.GetByLabel("Why hide it?").FillAsync("Names a customer unkindly.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Hide comment" }).ClickAsync();
        var moderated = admin.Locator(".comment").Filter(new() { HasText = text });
        await Expect(moderated).ToContainTextAsync("Hidden by an admin.");
        await Expect(moderated).ToContainTextAsync("Names a customer unkindly.");
        await ScreenshotAsync(admin, $"recognition-hidden-admin-view-{screen}");
        await AssertAccessibleAsync(admin);

        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync($"Stories/{storyId}");
        await Expect(employee.Locator(".comment.is-hidden").First).ToContainTextAsync("Hidden by an admin.");
        await Expect(employee.Locator("#comments")).Not.ToContainTextAsync(text);
    }

    /// <summary>A published demo story neither the leader nor the employee wrote, stars in, celebrated or applauded.</summary>
}
