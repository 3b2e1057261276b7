using CareStories.Web.Identity;

namespace CareStories.Web.Tests.Account;

/// <summary>The passwords a guessing tool tries first are refused however they are dressed up.</summary>
public sealed class CommonPasswordTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("PASSWORD1234!")]
    [InlineData("welcome12345")]
    [InlineData("letmein12345")]
    [InlineData("football1234")]
    [InlineData("princess1234")]
    [InlineData("sunshine1234")]
    [InlineData("P@ssw0rd1234")]
    [InlineData("monkey123456")]
    [InlineData("superman1234")]
    [InlineData("Welcome2026!")]
    [InlineData("!!Dr4g0n-2026!!")]
    [InlineData("QWERTYUIOPASDF")]
    public void A_common_word_in_any_case_padded_with_digits_a_year_or_symbols_or_in_leetspeak_is_common(string password) =>
        Assert.True(PasswordRules.IsCommon(password), $"{password} was accepted.");

    [Theory]
    [InlineData("four unrelated words here")]
    [InlineData("lantern harbour violin")]
    [InlineData("CareStories-demo-2026")]
    [InlineData("a long test password 2026")]
    [InlineData("tram lemon xtram lemon x")]
    public void Passphrases_are_not_common(string password) =>
        Assert.False(PasswordRules.IsCommon(password), $"{password} was refused.");

    [Fact]
    public async Task Registering_with_a_padded_common_word_is_refused_next_to_the_password()
    {
        var name = TestData.Unique("Applicant");
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@{CareStoriesFactory.EmailDomain}";

        var response = await factory.CreateBrowserClient().SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = "Welcome2026!",
            ["Input.ConfirmPassword"] = "Welcome2026!",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("commonly used passwords", Assert.Single(page.FieldErrors("Input.Password")), StringComparison.Ordinal);
    }
}
