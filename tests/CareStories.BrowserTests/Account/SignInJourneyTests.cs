using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Account;

public sealed class SignInJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Person_signs_in_and_sees_their_home_page(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));

        await page.GotoAsync("Identity/Account/Login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"sign-in-{screen}");
        await AssertAccessibleAsync(page);

        await SignInAsync(page, DemoAccounts.Employee);

        await Expect(page).ToHaveURLAsync(App.BaseUrl.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {DemoAccounts.Employee.Name}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your stories" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"home-{screen}");
        await AssertAccessibleAsync(page);
    }
}
