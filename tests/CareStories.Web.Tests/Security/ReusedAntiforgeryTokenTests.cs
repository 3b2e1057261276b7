using AngleSharp.Html.Dom;

namespace CareStories.Web.Tests.Security;

/// <summary>The app with <c>Antiforgery:ReuseTokens</c> on (off by default: see README's settings).</summary>
public sealed class ReusedTokensFactory : CareStoriesFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Antiforgery:ReuseTokens"] = "true",
    };
}

/// <summary>
/// A page's form token is reused for the same antiforgery cookie and person (Identity/ReusedAntiforgeryTokens):
/// every POST is still checked, another person's or another browser's token is refused, and a page with a reused
/// token is as uncacheable as one with a new token.
/// </summary>
public sealed class ReusedAntiforgeryTokenTests(ReusedTokensFactory factory) : IClassFixture<ReusedTokensFactory>
{
    private const string SignOutForm = "form[action*='Logout']";

    [Fact]
    public async Task The_same_browser_and_person_get_the_same_token_on_an_uncacheable_page()
    {
        var browser = await factory.SignInAsync(await factory.Data.PersonAsync());

        var first = await browser.GetAsync("/Stories");
        var second = await browser.GetAsync("/Stories");

        Assert.Equal(TokenOf(await first.ReadDocumentAsync()), TokenOf(await second.ReadDocumentAsync()));
        foreach (var response in new[] { first, second })
        {
            Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_post_without_a_token_or_with_a_wrong_one_is_refused_with_the_friendly_page()
    {
        var browser = await factory.SignInAsync(await factory.Data.PersonAsync());
        var token = TokenOf(await browser.GetDocumentAsync("/Stories"));
        var wrong = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        foreach (var fields in new[] { new Dictionary<string, string>(), new() { ["__RequestVerificationToken"] = wrong } })
        {
            var response = await browser.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent(fields));

            await response.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal("That request could not be handled", (await response.ReadDocumentAsync()).QuerySelector("h1")?.TextContent.Trim());
        }

        await browser.GetAsync("/Stories").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_persons_token_is_refused()
    {
        var ann = await factory.SignInAsync(await factory.Data.PersonAsync());
        var bob = await factory.SignInAsync(await factory.Data.PersonAsync());
        var annsToken = TokenOf(await ann.GetDocumentAsync("/Stories"));
        await bob.GetDocumentAsync("/Stories");

        var response = await bob.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", annsToken)]));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        await bob.GetAsync("/Stories").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_person_in_the_same_browser_gets_a_new_token_and_the_old_one_is_refused()
    {
        var browser = await factory.SignInAsync(await factory.Data.PersonAsync());
        var first = TokenOf(await browser.GetDocumentAsync("/Stories"));
        await browser.SubmitFormAsync("/Stories", [], SignOutForm);
        var bob = await factory.Data.PersonAsync();
        await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = bob.Email,
            ["Input.Password"] = bob.Password,
        }, "form#account");

        var second = TokenOf(await browser.GetDocumentAsync("/Stories"));
        var withOld = await browser.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", first)]));

        Assert.NotEqual(first, second);
        await withOld.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(bob.DisplayName, (await browser.GetDocumentAsync("/Stories")).QuerySelector("#main-nav .account-name")?.TextContent.Trim());
    }

    internal static string TokenOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>(SignOutForm + " input[name='__RequestVerificationToken']")!.Value;
}

/// <summary>By default every page gets a token of its own, so no token repeats across responses.</summary>
public sealed class FreshAntiforgeryTokenTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task By_default_each_page_gets_a_new_token_and_the_posts_still_pass()
    {
        var browser = await factory.SignInAsync(await factory.Data.PersonAsync());

        var first = ReusedAntiforgeryTokenTests.TokenOf(await browser.GetDocumentAsync("/Stories"));
        var second = ReusedAntiforgeryTokenTests.TokenOf(await browser.GetDocumentAsync("/Stories"));

        Assert.NotEqual(first, second);
        var response = await browser.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", first)]));
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
    }
}
