using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Loop;

/// <summary>
/// The customer's side of the product, across three browsers: an employee prints a thank-you link, a customer with
/// no account thanks them through it on a phone, the manager approves it as a draft, and the employee hears of it and
/// finds the draft with the customer's own words on it.
/// </summary>
public sealed class ThanksLoopJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Customer_thanks_an_employee_through_a_link_the_manager_approves_and_the_employee_finds_the_draft_with_the_quote(string screen)
    {
        var run = $"{screen} {Guid.NewGuid():N}"[..16];
        var words = $"Jamie drove the spare key to my flat after the shop had closed. Thank you! ({run})";
        var title = $"Spare key delivered after hours ({run})";

        // Jamie makes a link of their own.
        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync("Thanks/New");
        await employee.GetByLabel("Label").FillAsync($"Key desk {run}");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();
        var address = (await employee.Locator("#link-address").TextContentAsync())!.Trim();

        // A customer on a phone, with no account and no cookies, opens it (as from the QR code) and says thank you.
        var customer = await NewPageAsync(Screen.Phone);
        await customer.GotoAsync(address);
        await customer.GetByLabel("Your words").FillAsync(words);
        await customer.GetByLabel("First name only").CheckAsync();
        await customer.GetByLabel("Your name").FillAsync("Margit Halvorsen");
        await customer.GetByLabel("You may share my words").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send my thank-you" }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Thank you!", Level = 1 })).ToBeVisibleAsync();

        // Sam, Jamie's manager, hears of it under the bell and approves it as a draft for Jamie.
        var manager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(manager, DemoAccounts.Manager);
        await manager.GotoAsync("Notifications");
        await manager.Locator("li").Filter(new() { HasText = "A customer sent a thank-you" }).First.GetByRole(AriaRole.Button).ClickAsync();
        var row = manager.Locator(".thanks-row", new() { HasText = words });
        await Expect(row).ToContainTextAsync("Margit");
        await Expect(row).Not.ToContainTextAsync("Halvorsen");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await manager.GetByLabel("Title of the draft").FillAsync(title);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Approve and start a draft" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Jamie Rivera has a new draft");
        await ScreenshotAsync(manager, $"loop-thanks-approved-{screen}");

        // Jamie's bell says so and leads to the draft, which carries the customer's words as consented.
        await employee.GotoAsync("Notifications");
        var news = employee.Locator("li").Filter(new() { HasText = $"Sam Okafor approved a customer's thank-you for you: it is on “{title}”" }).First;
        await Expect(news).ToBeVisibleAsync();
        await news.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(employee.Locator(".status")).ToHaveTextAsync("Draft");
        var quote = employee.Locator("#quotes .quote", new() { HasText = words });
        await Expect(quote).ToContainTextAsync("Margit");
        await Expect(quote).Not.ToContainTextAsync("Halvorsen");
        await AssertAccessibleAsync(employee);
        await ScreenshotAsync(employee, $"loop-thanks-draft-{screen}");

        // The draft is on My stories too.
        await employee.GotoAsync("Stories");
        await Expect(employee.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
    }
}
