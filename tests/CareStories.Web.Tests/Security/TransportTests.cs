using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareStories.Web.Tests.Security;

/// <summary>The app as deployed behind a TLS proxy: it sees plain HTTP and whatever Host header a client sends.</summary>
public sealed class BehindProxyFactory : CareStoriesFactory
{
    public const string PublicUrl = "https://stories.example.com";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["App:HttpsOnly"] = "true",
        ["App:PublicUrl"] = PublicUrl,
    };
}

public sealed class TransportTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    [Fact]
    public async Task Over_plain_http_every_cookie_is_secure_and_hsts_is_sent()
    {
        var me = await factory.Data.PersonAsync();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"), // so the test's own cookie jar sends Secure cookies back
        });

        var page = await client.GetAsync("/Identity/Account/Login");
        var signedIn = await client.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = me.Email, ["Input.Password"] = me.Password });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(page.Headers, h => h.Key == "Strict-Transport-Security");
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("CareStories.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_password_reset_link_uses_the_public_address_whatever_host_the_request_named()
    {
        var me = await factory.Data.PersonAsync();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Host = "localhost:31337";

        var response = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = me.Email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = Assert.Single(Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, me.Email)).Links);
        Assert.StartsWith(BehindProxyFactory.PublicUrl + "/Identity/Account/ResetPassword", link, StringComparison.Ordinal);
        Assert.DoesNotContain("31337", link, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_the_app_refuses_to_start_without_a_public_address()
    {
        using var production = new ProductionFactory();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("App:PublicUrl", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class ProductionFactory : CareStoriesFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
