namespace CareStories.Web.Tests.Security;

public sealed class AntiforgeryTests(RealPasswordsFactory factory) : IClassFixture<RealPasswordsFactory>
{
    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_answers_400()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();

        var response = await client.PostAsync("/Identity/Account/Login", SignInFields(person));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        AssertNotSignedIn(response);
    }

    [Fact]
    public async Task Holding_the_antiforgery_cookie_is_not_enough_without_the_token_in_the_form()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        await client.GetDocumentAsync("/Identity/Account/Login");

        var response = await client.PostAsync("/Identity/Account/Login", SignInFields(person));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        AssertNotSignedIn(response);
        (await client.GetAsync("/Identity/Account/Manage")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        var person = await factory.Data.PersonAsync();
        var attacker = factory.CreateBrowserClient();
        var token = (await attacker.GetDocumentAsync("/Identity/Account/Login"))
            .QuerySelector("form#account input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var victim = factory.CreateBrowserClient();
        await victim.GetDocumentAsync("/Identity/Account/Login");

        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
            ["__RequestVerificationToken"] = token,
        };
        var response = await victim.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(fields));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        AssertNotSignedIn(response);
    }

    [Fact]
    public async Task The_friendly_page_explains_a_refused_post()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent([]));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("That request could not be handled", page.QuerySelector("h1")?.TextContent.Trim());
    }

    private static FormUrlEncodedContent SignInFields(TestPerson person) => new(new Dictionary<string, string>
    {
        ["Input.Email"] = person.Email,
        ["Input.Password"] = person.Password,
    });

    private static void AssertNotSignedIn(HttpResponseMessage response) =>
        Assert.DoesNotContain(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith("CareStories.Auth=", StringComparison.Ordinal));
}
