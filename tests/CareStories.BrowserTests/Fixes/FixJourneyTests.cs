using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Fixes;

/// <summary>
/// Workaround first, then prevent a repeat, across five people: an employee's published story with a prevention idea
/// becomes a fix for IT, IT's manager accepts it and names an owner, the owner marks it done with what changed, the
/// employee hears of it, a leader celebrates the fix, and it shows on the owner's record and on the feed.
/// </summary>
public sealed class FixJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    private static readonly DemoAccount ItManager = new("aisha@carestories.example", "Aisha Khan");
    private static readonly DemoAccount ItEngineer = new("noah@carestories.example", "Noah Williams");

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task A_story_becomes_a_fix_that_IT_accepts_finishes_and_a_leader_celebrates(string screen)
    {
        var story = $"The scanner that froze at closing time ({screen} {Guid.NewGuid():N})"[..60];
        var fix = $"Scanners restart themselves at night ({screen} {Guid.NewGuid():N})"[..56];
        const string prevention = "IT could schedule a nightly restart of every shop scanner so the memory leak never builds up.";
        const string whatChanged = "Every shop scanner restarts itself at 03:00 and IT is alerted if one does not come back.";
        const string message = "No shop will lose a sale to a frozen scanner again. That is care for customers nobody sees.";

        // Jamie writes a story with a prevention idea; Sam publishes it.
        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync("Stories/New");
        await employee.GetByLabel("Title").FillAsync(story);
        await employee.GetByLabel("When it happened").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await employee.GetByLabel("The customer's situation").FillAsync("A shop's only scanner froze at closing time with a queue of customers at the till.");
        await employee.GetByLabel("What was done right away").FillAsync("I talked the shop through entering the codes by hand so every customer was served.");
        await employee.GetByLabel("How a repeat is prevented (optional)").FillAsync(prevention);
        await employee.GetByLabel("The outcome for the customer").FillAsync("Nobody left without their shopping.");
        await employee.GetByRole(AriaRole.Group, new() { Name = "Teams" }).GetByLabel("Customer Support").CheckAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = story, Level = 1 })).ToBeVisibleAsync();
        var storyUrl = employee.Url;

        var manager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(manager, DemoAccounts.Manager);
        await manager.GotoAsync(storyUrl.Replace("/Stories/", "/Review/Story/", StringComparison.Ordinal));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        // Jamie raises a fix from the story: the prevention idea is the starting text; IT Operations owns it.
        await employee.GotoAsync(storyUrl);
        await Expect(employee.Locator("#fixes")).ToContainTextAsync("No fix yet.");
        await employee.Locator("#fixes").GetByRole(AriaRole.Link, new() { Name = "Raise a fix" }).ClickAsync();
        await Expect(employee.GetByLabel("What will change")).ToHaveValueAsync(prevention);
        await employee.GetByRole(AriaRole.Button, new() { Name = "Propose the fix" }).ClickAsync();
        await Expect(employee.Locator("[data-error-summary]")).ToContainTextAsync("Give the fix a short title");
        await Expect(employee.Locator("[data-error-summary]")).ToContainTextAsync("Choose the team that can make this change.");
        await Expect(employee.GetByLabel("What will change")).ToHaveValueAsync(prevention);
        await ScreenshotAsync(employee, $"fix-new-refused-{screen}");
        await AssertAccessibleAsync(employee);
        await employee.GetByLabel("Title").FillAsync(fix);
        await employee.GetByLabel("The team that can make the change").SelectOptionAsync(new SelectOptionValue { Label = "IT Operations (behind the scenes)" });
        await employee.GetByRole(AriaRole.Button, new() { Name = "Propose the fix" }).ClickAsync();
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = fix, Level = 1 })).ToBeVisibleAsync();
        await Expect(employee.Locator("[data-fix-status]")).ToHaveTextAsync("Proposed");
        var fixUrl = employee.Url;
        await ScreenshotAsync(employee, $"fix-proposed-{screen}");
        await AssertAccessibleAsync(employee);

        // Aisha, who manages IT Operations, hears of the proposal, accepts it and makes Noah its owner.
        var itManager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(itManager, ItManager);
        await itManager.GotoAsync("Notifications");
        var proposed = itManager.Locator("li").Filter(new() { HasText = $"Jamie Rivera proposed a fix for your team: “{fix}”" }).First;
        await proposed.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(itManager).ToHaveURLAsync(fixUrl);
        var decide = itManager.Locator("#decide");
        await decide.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = ItEngineer.Name });
        await decide.GetByLabel("Target date (optional)").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ScreenshotAsync(itManager, $"fix-decide-{screen}");
        await AssertAccessibleAsync(itManager);
        await decide.GetByRole(AriaRole.Button, new() { Name = "Accept and assign" }).ClickAsync();
        await Expect(itManager.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted.");
        await Expect(itManager.Locator("[data-fix-owner]")).ToContainTextAsync(ItEngineer.Name);

        // Noah marks it done; "done" without what changed is refused first.
        var owner = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(owner, ItEngineer);
        await owner.GotoAsync(fixUrl);
        var progress = owner.Locator("#progress");
        await progress.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(owner.Locator("[data-error-summary]")).ToContainTextAsync("Say in one line what changed");
        await ScreenshotAsync(owner, $"fix-done-refused-{screen}");
        await AssertAccessibleAsync(owner);
        await owner.GetByLabel("What changed").FillAsync(whatChanged);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(owner.Locator("[data-fix-status]")).ToHaveTextAsync("Done");
        await Expect(owner.Locator("[data-what-changed]")).ToHaveTextAsync(whatChanged);
        await Expect(owner.Locator("[data-credited]")).ToContainTextAsync(ItEngineer.Name);

        // Jamie hears it is done, and the bell leads to the fix.
        await employee.GotoAsync("Notifications");
        var done = employee.Locator(".notice-unread").Filter(new() { HasText = $"“{fix}” is done: Noah Williams marked the fix done" }).First;
        await ScreenshotAsync(employee, $"fix-notifications-{screen}");
        await AssertAccessibleAsync(employee);
        await done.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(employee).ToHaveURLAsync(fixUrl);
        await employee.GotoAsync(storyUrl);
        await Expect(employee.Locator("[data-story-fixes]")).ToContainTextAsync(fix);
        await Expect(employee.Locator("[data-story-fixes]")).ToContainTextAsync("Done");

        // Dana celebrates the fix with a badge from the same catalogue as stories.
        var leader = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync(fixUrl);
        var celebrations = leader.Locator("#celebrations");
        await celebrations.GetByLabel("Root-cause fixer").CheckAsync();
        await celebrations.GetByLabel("Your message to the people who did it").FillAsync(message);
        await ScreenshotAsync(leader, $"fix-celebrate-form-{screen}");
        await AssertAccessibleAsync(leader);
        await celebrations.GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
        await Expect(leader.Locator(".celebration").Filter(new() { HasText = message })).ToContainTextAsync(DemoAccounts.Leader.Name);
        await Expect(leader.Locator("[data-celebration-note]")).ToContainTextAsync("You have celebrated this fix.");
        await ScreenshotAsync(leader, $"fix-celebrated-{screen}");
        await AssertAccessibleAsync(leader);

        // It counts on Noah's record and shows on the feed, with the story it prevents and its badge.
        await leader.Locator("[data-credited]").GetByRole(AriaRole.Link, new() { Name = ItEngineer.Name }).ClickAsync();
        var onRecord = leader.Locator("#fixes article").Filter(new() { HasText = fix });
        await Expect(onRecord).ToContainTextAsync(whatChanged);
        await Expect(onRecord).ToContainTextAsync(story);
        await Expect(onRecord).ToContainTextAsync("Root-cause fixer");
        await ScreenshotAsync(leader, $"fix-on-record-{screen}");
        await AssertAccessibleAsync(leader);

        await employee.GotoAsync("Feed");
        var card = employee.Locator("article[data-fix-card]").Filter(new() { HasText = fix });
        await Expect(card).ToContainTextAsync("Fix done");
        await Expect(card).ToContainTextAsync(ItEngineer.Name);
        await Expect(card).ToContainTextAsync(story);
        await Expect(card).ToContainTextAsync("Root-cause fixer");
        await card.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(employee, $"fix-feed-{screen}");
        await AssertAccessibleAsync(employee);

        await employee.GotoAsync("Fixes");
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = "Fixes and improvement ideas", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync(employee, $"fix-list-{screen}");
        await AssertAccessibleAsync(employee);
    }
}
