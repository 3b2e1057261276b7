using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Thanks;

public sealed class ThankYouLinkJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_makes_a_link_and_a_customer_without_an_account_says_thank_you_through_it(string screen)
    {
        var label = $"Front desk poster {screen} {Guid.NewGuid():N}"[..40];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GotoAsync("Thanks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank-you links", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New link" }).ClickAsync();
        await page.GetByLabel("Label").FillAsync(label);
        await Expect(page.GetByLabel("90 days")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"thanks-new-link-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thanks Jamie Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your thank-you link is ready");
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("Open");
        var qr = page.Locator("img.qr-image");
        await Expect(qr).ToBeVisibleAsync();
        // The image loads after the page; wait for it rather than reading it at once (that raced on a busy machine).
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('img.qr-image'); return img && img.complete && img.naturalWidth > 0; }");
        Assert.True(await qr.EvaluateAsync<bool>("img => img.naturalWidth > 100"), "The QR code image did not load.");
        var address = (await page.Locator("#link-address").TextContentAsync())!.Trim();
        Assert.Contains("/t/", address, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"thanks-link-{screen}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Print poster" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Say thank you to Jamie Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".poster-url")).ToContainTextAsync(address);
        await ScreenshotAsync(page, $"thanks-poster-{screen}");

        await page.GotoAsync("Thanks");
        await Expect(page.Locator(".story-row").Filter(new() { HasText = label })).ToContainTextAsync("0 thank-yous");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"thanks-links-{screen}");

        // A customer: a new browser with no cookies, on a phone and on a laptop.
        var customer = await NewPageAsync(Screen.Named(screen));
        await customer.GotoAsync(address);
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Say thank you to Jamie Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(customer.GetByText("Sign in")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(customer);
        await ScreenshotAsync(customer, $"thanks-public-form-{screen}");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send my thank-you" }).ClickAsync();
        await Expect(customer.Locator("[data-valmsg-for='Input.Text']")).ToContainTextAsync("Write a few words of thanks.");
        await Expect(customer.Locator("[data-valmsg-for='Input.Consent']")).ToContainTextAsync("Tick the box");
        await AssertAccessibleAsync(customer);
        await ScreenshotAsync(customer, $"thanks-public-errors-{screen}");

        await customer.GetByLabel("Your words").FillAsync("Jamie stayed after closing to sort out my order. Thank you!");
        await Expect(customer.Locator("#text-count")).ToContainTextAsync("of 1,500 characters");
        await customer.GetByLabel("First name only").CheckAsync();
        await customer.GetByLabel("Your name").FillAsync("Tobias Lindqvist");
        await customer.GetByLabel("You may share my words").CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send my thank-you" }).ClickAsync();

        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Thank you!", Level = 1 })).ToBeVisibleAsync();
        await Expect(customer.Locator("main")).ToContainTextAsync("Your words will reach Jamie Rivera once their manager has seen them.");
        await AssertAccessibleAsync(customer);
        await ScreenshotAsync(customer, $"thanks-public-sent-{screen}");

        await page.ReloadAsync();
        await Expect(page.Locator(".story-row").Filter(new() { HasText = label })).ToContainTextAsync("1 thank-you received");
    }
}
