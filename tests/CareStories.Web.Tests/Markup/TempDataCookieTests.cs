namespace CareStories.Web.Tests.Markup;

/// <summary>
/// Every page's layout looks for a one-time "saved" message. A page with none to show sends no temp-data cookie at all
/// (it used to delete, on every response, a cookie the browser never had); a saved message still shows once, on the
/// page after the save, and its cookie is deleted there.
/// </summary>
public sealed class TempDataCookieTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    [Fact]
    public async Task A_page_with_no_message_to_show_sends_no_temp_data_cookie()
    {
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        foreach (var url in new[] { "/Feed", "/Notifications", "/no-such-page" })
        {
            var page = await reader.GetAsync(url);

            Assert.Empty(TempDataCookies(page));
            Assert.Null((await page.ReadDocumentAsync()).QuerySelector("[data-status-message]"));
        }

        Assert.Empty(TempDataCookies(await factory.CreateClient().GetAsync("/Identity/Account/Login")));
    }

    [Fact]
    public async Task A_saved_message_shows_once_on_the_next_page_and_its_cookie_is_then_deleted()
    {
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        var saved = await reader.SubmitFormAsync("/Notifications/Email", new FormValues());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(TempDataCookies(saved), c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        var next = await reader.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Email choices saved.", (await next.ReadDocumentAsync()).QuerySelector("[data-status-message]")?.TextContent);
        Assert.Contains(TempDataCookies(next), c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        var after = await reader.GetAsync("/Notifications/Email");
        Assert.Null((await after.ReadDocumentAsync()).QuerySelector("[data-status-message]"));
        Assert.Empty(TempDataCookies(after));
    }

    private static List<string> TempDataCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith(TempDataCookie, StringComparison.Ordinal)).ToList() : [];
}
