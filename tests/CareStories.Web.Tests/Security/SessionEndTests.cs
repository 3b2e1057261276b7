using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Tests.Security;

/// <summary>
/// A session is checked against the person's security stamp at most a minute after it was last checked; the fake clock
/// moves past that minute, so these tests check the app's real setting, not one made for them.
/// </summary>
public sealed class SessionEndTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public void Sessions_are_checked_against_the_security_stamp_at_least_every_minute_by_default()
    {
        using var app = new CareStoriesFactory();
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;

        Assert.True(options.ValidationInterval <= TimeSpan.FromMinutes(1), $"Checked every {options.ValidationInterval}.");
    }

    [Fact]
    public async Task Copied_cookie_is_refused_after_the_person_signs_out()
    {
        var me = await factory.Data.PersonAsync();
        var copy = await factory.SignInAndCopyAsync(me);
        await factory.GetWithCookieAsync("/Stories", copy).ShouldBeAsync(HttpStatusCode.OK);
        var browser = await factory.SignInAsync(me);

        var signOut = await browser.SubmitFormAsync("/Stories", [], "form[action*='Logout']");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        factory.Clock.Advance(PastTheCheck);
        (await factory.GetWithCookieAsync("/Stories", copy)).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Copied_cookie_is_refused_after_a_password_change_in_another_session()
    {
        var me = await factory.Data.PersonAsync();
        var copy = await factory.SignInAndCopyAsync(me);
        var browser = await factory.SignInAsync(me);

        var changed = await browser.SubmitFormAsync("/Identity/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = me.Password,
            ["Input.NewPassword"] = "a different long password 2027",
            ["Input.ConfirmPassword"] = "a different long password 2027",
        }, "form#change-password-form");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        factory.Clock.Advance(PastTheCheck);
        (await factory.GetWithCookieAsync("/Stories", copy)).ShouldRedirectToSignIn();
        await browser.GetAsync("/Stories").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Copied_cookie_is_refused_after_an_admin_changes_the_persons_roles()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var copy = await factory.SignInAndCopyAsync(manager);
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var values = new FormValues();
        values.Set("Input.Roles", Roles.Employee);

        var saved = await admin.SubmitFormAsync($"/Admin/People/Edit/{manager.Id}", values);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        factory.Clock.Advance(PastTheCheck);
        (await factory.GetWithCookieAsync("/Stories", copy)).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Sign_out_with_an_off_site_return_address_still_signs_out_and_stays_on_the_site()
    {
        var me = await factory.Data.PersonAsync();
        var browser = await factory.SignInAsync(me);
        var page = await browser.GetDocumentAsync("/Stories");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[action*='Logout'] input[name='__RequestVerificationToken']")!.Value;

        var response = await browser.PostAsync("/Identity/Account/Logout?returnUrl=https%3A%2F%2Fevil.example%2F",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri && response.Headers.Location.Host != "localhost", $"Sent to {response.Headers.Location}.");
        (await browser.GetAsync("/Stories")).ShouldRedirectToSignIn();
    }
}
