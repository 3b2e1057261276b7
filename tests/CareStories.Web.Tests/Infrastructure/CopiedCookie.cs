using Microsoft.AspNetCore.Mvc.Testing;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// A sign-in cookie copied out of a browser, as an attacker who read it would hold it: sent by hand, never
/// updated by the app's answers.
/// </summary>
public static class CopiedCookie
{
    public const string AuthCookie = "CareStories.Auth";

    /// <summary>Signs in through the real sign-in page and returns the raw "name=value" of the sign-in cookie.</summary>
    public static async Task<string> SignInAndCopyAsync(this CareStoriesFactory factory, TestPerson person)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Identity/Account/Login");
        var antiforgeryCookie = CookiesOf(page).Single(c => c.StartsWith("CareStories.Antiforgery=", StringComparison.Ordinal));
        var document = await page.ReadDocumentAsync();
        var form = document.QuerySelector<IHtmlFormElement>("form#account")!;
        var fields = HtmlForms.CurrentFields(form);
        fields.RemoveAll(f => f.Key is "Input.Email" or "Input.Password");
        fields.Add(new("Input.Email", person.Email));
        fields.Add(new("Input.Password", person.Password));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesOf(signedIn).Single(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    /// <summary>GETs <paramref name="url"/> with nothing but the copied cookie.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this CareStoriesFactory factory, string url, string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).Select(v => v.Split(';')[0]);
}
