using CareStories.Web.Operations;

namespace CareStories.Web.Tests.Operations;

/// <summary>Behind nginx at 10.0.0.5: its X-Forwarded-For is believed, nobody else's.</summary>
public sealed class BehindProxyFactory() : ConfiguredFactory(new Dictionary<string, string?>
{
    ["ForwardedHeaders:KnownProxies:0"] = ProxyTests.Proxy,
    ["RateLimiting:AccountPostsPerMinute"] = "2",
    ["App:InstanceName"] = "app-7",
});

/// <summary>The same limit with no proxy configured: the default.</summary>
public sealed class NoProxyFactory() : ConfiguredFactory(new Dictionary<string, string?>
{
    ["RateLimiting:AccountPostsPerMinute"] = "2",
});

public sealed class ProxyTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    public const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Two_clients_behind_the_known_proxy_get_a_sign_in_budget_each()
    {
        var client = factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync(Proxy, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync(Proxy, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.WrongPasswordAsync(Proxy, "203.0.113.10"));
        // Another person behind the same proxy is not locked out by the first one's attempts.
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync(Proxy, "203.0.113.11"));
    }

    [Fact]
    public async Task Forwarded_for_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        var client = factory.CreateBrowserClient();

        // A client connecting directly cannot pick a fresh bucket by sending a new X-Forwarded-For each time.
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync("198.51.100.7", "203.0.113.20"));
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync("198.51.100.7", "203.0.113.21"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.WrongPasswordAsync("198.51.100.7", "203.0.113.22"));
    }

    [Fact]
    public async Task A_chain_of_addresses_counts_the_one_the_known_proxy_saw()
    {
        var client = factory.CreateBrowserClient();

        // The client wrote its own X-Forwarded-For; nginx appended the address it really came from.
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync(Proxy, "192.0.2.1, 203.0.113.30"));
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync(Proxy, "192.0.2.2, 203.0.113.30"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.WrongPasswordAsync(Proxy, "192.0.2.3, 203.0.113.30"));
    }

    [Fact]
    public async Task Https_said_by_the_known_proxy_makes_the_cookies_secure_and_nobody_else_can_say_it()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var fromProxy = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login");
        fromProxy.Headers.Add(ConfiguredFactory.PeerHeader, Proxy);
        fromProxy.Headers.Add("X-Forwarded-Proto", "https");
        var viaProxy = await client.SendAsync(fromProxy);
        var direct = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login");
        direct.Headers.Add(ConfiguredFactory.PeerHeader, "198.51.100.8");
        direct.Headers.Add("X-Forwarded-Proto", "https");
        var notProxy = await client.SendAsync(direct);

        Assert.Contains(viaProxy.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CareStories.Antiforgery", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(notProxy.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_answer_names_the_instance_when_it_has_a_name()
    {
        var response = await factory.CreateClient().GetAsync("/Identity/Account/Login");

        Assert.Equal("app-7", Assert.Single(response.Headers.GetValues(Instance.Header)));
    }
}

public sealed class NoProxyTests(NoProxyFactory factory) : IClassFixture<NoProxyFactory>
{
    [Fact]
    public async Task Without_configured_proxies_no_forwarded_address_is_believed_not_even_from_loopback()
    {
        var client = factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync("127.0.0.1", "203.0.113.40"));
        Assert.Equal(HttpStatusCode.OK, await client.WrongPasswordAsync("127.0.0.1", "203.0.113.41"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.WrongPasswordAsync("127.0.0.1", "203.0.113.42"));
    }

    [Fact]
    public async Task An_instance_without_a_name_sends_no_instance_header()
    {
        var response = await factory.CreateClient().GetAsync("/Identity/Account/Login");

        Assert.False(response.Headers.Contains(Instance.Header));
    }
}
