namespace CareStories.Web.Tests.Security;

public sealed class SecurityHeadersTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    public async Task Pages_for_anonymous_visitors_carry_the_security_headers(string url)
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Manage")]
    public async Task Pages_for_signed_in_people_carry_the_security_headers(string url)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Error_pages_carry_the_security_headers_too()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.GetAsync("/no-such-page-" + Guid.NewGuid().ToString("N"));

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
