namespace CareStories.Web.Tests.Security;

/// <summary>
/// The two-factor sign-in pages are for a sign-in already under way (a correct password, a second step due): opened
/// without one, anonymously or by someone already signed in, they send the person to the sign-in page.
/// </summary>
public sealed class TwoFactorPagesTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task A_two_factor_page_with_no_sign_in_under_way_sends_an_anonymous_person_to_sign_in(string url)
    {
        var response = await factory.CreateBrowserClient().GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task A_two_factor_page_with_no_sign_in_under_way_sends_a_signed_in_person_to_sign_in(string url)
    {
        var browser = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await browser.GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
