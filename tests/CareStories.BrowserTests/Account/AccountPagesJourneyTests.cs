using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Account;

/// <summary>The account pages (Identity's, in the app's own look) at phone and laptop width, each checked with axe.</summary>
public sealed class AccountPagesJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Person_goes_through_their_account_pages(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await page.GotoAsync("Identity/Account/ForgotPassword");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"account-forgot-password-{screen}");
        await AssertAccessibleAsync(page);

        await SignInAsync(page, DemoAccounts.Leader);
        await page.GotoAsync("Identity/Account/Manage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(DemoAccounts.Leader.Name);
        await ScreenshotAsync(page, $"account-profile-{screen}");
        await AssertAccessibleAsync(page);

        // A refused save: the error summary takes focus and the field says it is in error.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(page, $"account-profile-error-{screen}");
        await AssertAccessibleAsync(page);

        foreach (var (link, heading, shot) in new[]
        {
            ("Email", "Your email", "email"),
            ("Password", "Change your password", "password"),
            ("Two-step sign-in", "Two-step sign-in", "two-step"),
            ("Personal data", "Your personal data", "personal-data"),
        })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveCountAsync(1);
            await ScreenshotAsync(page, $"account-{shot}-{screen}");
            await AssertAccessibleAsync(page);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Deleting your account" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
    }
}
