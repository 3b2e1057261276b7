using CareStories.Domain.Notifications;
using CareStories.Domain.Permission;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Permission;

/// <summary>
/// The whole permission-to-care loop on the demo, as each role: the Admin sets a limit, an employee spends more for a
/// customer with a reason and names the rule bent, the manager sees the flag and publishes, a leader finds it in the
/// ledger and on "Rules we bent" and decides to change the rule, and the author hears of it.
/// </summary>
[Collection(BrowserCollection.Second)]
public sealed class PermissionToCareJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task A_story_over_the_limit_that_bent_a_rule_goes_from_author_to_leaders_decision_and_back(string screen)
    {
        var title = $"Courier for a wedding dress ({screen} {Guid.NewGuid():N})"[..48];
        var rule = $"Deliveries only to the billing address {Guid.NewGuid():N}"[..52];
        var size = Screen.Named(screen);

        // The Admin gives Customer Support its own, lower limit.
        var admin = await NewPageAsync(size);
        await SignInAsync(admin, DemoAccounts.Admin);
        await admin.GotoAsync("Admin/Permission/Limits");
        var support = admin.Locator("li.team-limit-row", new() { HasText = "Customer Support" });
        await support.Locator("input[name=amount]").FillAsync("300");
        await support.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Customer Support's own limit is now EUR 300.00");
        await ScreenshotAsync(admin, $"permission-limits-{screen}");
        await AssertAccessibleAsync(admin);

        // Jamie spends more than that, says why and names the rule bent.
        var author = await NewPageAsync(size);
        await SignInAsync(author, DemoAccounts.Employee);
        await author.GotoAsync("Stories/New");
        await Expect(author.Locator("[data-applicable-limit]")).ToContainTextAsync("EUR 300.00");
        await author.GetByLabel("Title").FillAsync(title);
        await author.GetByLabel("The customer's situation").FillAsync("The dress was delivered to the old address on the morning of the wedding.");
        await author.GetByLabel("What was done right away").FillAsync("I sent a motorbike courier from the depot to the church.");
        await author.GetByLabel("The outcome for the customer").FillAsync("The bride walked down the aisle in her own dress.");
        await author.GetByLabel("Amount").FillAsync("450");
        await author.GetByLabel("Currency", new() { Exact = true }).FillAsync("EUR");
        await author.GetByLabel("What it paid for").FillAsync("Motorbike courier");
        await author.GetByRole(AriaRole.Checkbox, new() { Name = "Broke a rule for the customer" }).CheckAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(author.Locator("[data-valmsg-for='Input.Latitude.OverLimitReason']")).ToContainTextAsync("EUR 150.00 over the limit");
        await Expect(author.Locator("[data-valmsg-for='Input.Latitude.BentRule']")).ToContainTextAsync("Say which rule");
        await ScreenshotAsync(author, $"permission-story-form-errors-{screen}");
        await AssertAccessibleAsync(author);

        await author.GetByLabel("Why it was worth going over the limit").FillAsync("No regular courier could reach the church before the ceremony.");
        await author.GetByLabel("Rule or procedure").SelectOptionAsync(new SelectOptionValue { Label = "Another rule: I name it" });
        await author.GetByLabel("Its name, if it is not in the list").FillAsync(rule);
        await author.GetByLabel("Why bending it was right for this customer").FillAsync("The old address was a mistake in our system, not hers.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToContainTextAsync("submitted");
        var storyId = await App.WithDbAsync(db => db.Stories.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());

        // Sam sees the flag, with how far over and why, and publishes.
        var manager = await NewPageAsync(size);
        await SignInAsync(manager, DemoAccounts.Manager);
        await manager.GotoAsync($"Review/Story/{storyId}");
        var flag = manager.Locator("[data-over-limit]");
        await Expect(flag).ToContainTextAsync("EUR 150.00 over");
        await Expect(flag).ToContainTextAsync("No regular courier");
        await Expect(manager.Locator("[data-bent-rule]")).ToContainTextAsync(rule);
        await ScreenshotAsync(manager, $"permission-review-flag-{screen}");
        await AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        // Dana finds it in the ledger and on "Rules we bent", and decides to change the rule.
        var leader = await NewPageAsync(size);
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync("Ledger");
        await Expect(leader.Locator("[data-over-limit-list]")).ToContainTextAsync(title);
        await ScreenshotAsync(leader, $"permission-ledger-{screen}");
        await AssertAccessibleAsync(leader);
        await leader.GotoAsync("Rules");
        await leader.GetByRole(AriaRole.Link, new() { Name = rule, Exact = true }).ClickAsync();
        await Expect(leader.Locator("[data-rule-stories]")).ToContainTextAsync(title);
        await leader.GetByLabel("Change the rule").CheckAsync();
        await leader.GetByLabel("What changes, why it stays").FillAsync("Support may redirect a delivery once the customer confirms the new address.");
        await leader.GetByLabel("Who owns the change or the procedure").FillAsync("Head of Customer Support");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("Your decision");
        await Expect(leader.Locator("[data-decisions]")).ToContainTextAsync("Head of Customer Support");
        await ScreenshotAsync(leader, $"permission-rule-decided-{screen}");
        await AssertAccessibleAsync(leader);

        // Jamie hears of it, and the story shows the decision.
        await author.GotoAsync("Notifications");
        await Expect(author.Locator("main")).ToContainTextAsync($"decided what happens to the rule your story “{title}” bent");
        await author.GotoAsync($"Stories/{storyId}");
        await Expect(author.Locator("[data-rule-decision]")).ToContainTextAsync("Change the rule");
        await ScreenshotAsync(author, $"permission-story-decision-{screen}");
        await AssertAccessibleAsync(author);

        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == storyId && n.Kind == NotificationKind.RuleDecided)));
        Assert.Equal(RuleDecisionKind.Change, await App.WithDbAsync(db => db.BentRules.Where(r => r.Name == rule).SelectMany(r => r.Decisions).Select(d => d.Kind).SingleAsync()));
    }
}
