using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Account;

public sealed class RegistrationJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Newcomer_registers_confirms_email_and_signs_in()
    {
        const string name = "Priya Natarajan";
        const string password = "lantern harbour violin";
        var email = UniqueEmail("priya");
        var page = await NewPageAsync(Screen.Phone);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Work email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await ScreenshotAsync(page, "register-filled-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/RegisterConfirmation"));
        await ScreenshotAsync(page, "register-check-your-email-phone");

        // Until the address is confirmed, the app does not let the newcomer in.
        var early = await NewPageAsync(Screen.Phone);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SignInAsync(early, email, password));
        Assert.Contains("Confirm your email address", refused.Message, StringComparison.Ordinal);

        var mail = await MailToAsync(email);
        Assert.Equal("Confirm your CareStories account", mail.Subject);
        var link = mail.LinkTo("/Identity/Account/ConfirmEmail");
        Assert.Equal(App.BaseUrl.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        await page.GotoAsync(link.ToString());
        await Expect(page.GetByText("Thank you for confirming your email")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "register-confirmed-phone");

        await SignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {name}", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "register-signed-in-phone");
    }
}
