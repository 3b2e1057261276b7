using CareStories.Web.Tests.Thanks;

namespace CareStories.Web.Tests.Operations;

/// <summary>Two instances of the app counting in one real redis-server, and one whose Redis is down.</summary>
public sealed class TwoInstancesOverRedis : IAsyncLifetime
{
    public const int PostsPerMinute = 3;

    public RedisServer Redis { get; private set; } = null!;

    public ConfiguredFactory First { get; private set; } = null!;

    public ConfiguredFactory Second { get; private set; } = null!;

    public ConfiguredFactory RedisDown { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        First = new ConfiguredFactory(Settings(Redis.Configuration));
        Second = new ConfiguredFactory(Settings(Redis.Configuration));
        // Nothing listens there: every question to Redis fails at once.
        RedisDown = new ConfiguredFactory(Settings($"127.0.0.1:{RedisServer.FreePort()},connectTimeout=300"));
    }

    private static Dictionary<string, string?> Settings(string redis) => new()
    {
        ["Redis:Configuration"] = redis,
        ["RateLimiting:AccountPostsPerMinute"] = PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:ThanksPostsPerMinute"] = "2",
    };

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await RedisDown.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

public sealed class SharedRateLimitTests(TwoInstancesOverRedis instances) : IClassFixture<TwoInstancesOverRedis>
{
    [Fact]
    public async Task With_Redis_one_clients_sign_in_budget_holds_across_instances()
    {
        var first = instances.First.CreateBrowserClient();
        var second = instances.Second.CreateBrowserClient();
        const string client = "198.51.100.21";

        Assert.Equal(HttpStatusCode.OK, await first.WrongPasswordAsync(client));
        Assert.Equal(HttpStatusCode.OK, await second.WrongPasswordAsync(client));
        Assert.Equal(HttpStatusCode.OK, await first.WrongPasswordAsync(client));
        var refused = await second.SubmitFormAsync("/Identity/Account/Login", new FormValues
        {
            ["Input.Email"] = $"someone@{CareStoriesFactory.EmailDomain}",
            ["Input.Password"] = "one guess too many",
        }.WithPeer(second, client));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        // Another client still has its whole budget, on either instance.
        Assert.Equal(HttpStatusCode.OK, await first.WrongPasswordAsync("198.51.100.22"));
    }

    [Fact]
    public async Task With_Redis_a_customers_thank_you_budget_holds_across_instances_and_the_refused_words_stay_on_the_form()
    {
        var onFirst = await instances.First.LinkAsync(await instances.First.Data.PersonAsync());
        var onSecond = await instances.Second.LinkAsync(await instances.Second.Data.PersonAsync());
        var first = instances.First.CreateBrowserClient();
        var second = instances.Second.CreateBrowserClient();
        FormValues Thanks(string words) => new FormValues
        {
            ["Input.Text"] = words,
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.Consent"] = "true",
        }.WithPeer(first, "198.51.100.41").WithPeer(second, "198.51.100.41");

        await first.SubmitFormAsync($"/t/{onFirst.Token}", Thanks("Thank you!")).ShouldBeAsync(HttpStatusCode.Redirect);
        await second.SubmitFormAsync($"/t/{onSecond.Token}", Thanks("Thanks again.")).ShouldBeAsync(HttpStatusCode.Redirect);
        var refused = await first.SubmitFormAsync($"/t/{onFirst.Token}", Thanks("And the flowers were lovely."));

        await refused.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("You've sent several thank-yous in a short time", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("And the flowers were lovely.", page.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
    }

    [Fact]
    public async Task With_Redis_down_people_can_still_sign_in_and_each_instance_still_limits_on_its_own()
    {
        var person = await instances.RedisDown.Data.PersonAsync();
        const string client = "198.51.100.31";

        var signedIn = await instances.RedisDown.CreateBrowserClient().SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        var browser = instances.RedisDown.CreateBrowserClient();
        var answers = new List<HttpStatusCode>();
        for (var post = 0; post <= TwoInstancesOverRedis.PostsPerMinute; post++)
        {
            answers.Add(await browser.WrongPasswordAsync(client));
        }

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }
}

internal static class PeerForms
{
    /// <summary>Sets the connection address the next posts of <paramref name="client"/> come from, and returns the values.</summary>
    public static FormValues WithPeer(this FormValues values, HttpClient client, string peer)
    {
        client.DefaultRequestHeaders.Remove(ConfiguredFactory.PeerHeader);
        client.DefaultRequestHeaders.Add(ConfiguredFactory.PeerHeader, peer);
        return values;
    }
}
