namespace CareStories.Web.Tests.Security;

/// <summary>The app with a low limit, so a test can reach it in a few requests.</summary>
public sealed class RateLimitedFactory : RealPasswordsFactory
{
    public const int PostsPerMinute = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:AccountPostsPerMinute"] = PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_answer_429_while_pages_still_load()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        var wrong = new FormValues { ["Input.Email"] = person.Email, ["Input.Password"] = "a wrong password guess" };
        for (var post = 1; post <= RateLimitedFactory.PostsPerMinute; post++)
        {
            await client.SubmitFormAsync("/Identity/Account/Login", wrong).ShouldBeAsync(HttpStatusCode.OK);
        }

        var fourth = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });

        await fourth.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        var refusal = await fourth.ReadDocumentAsync();
        Assert.Equal("Too many attempts", refusal.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Try again in", refusal.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.DoesNotContain(fourth.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("CareStories.Auth=", StringComparison.Ordinal)));
        await client.GetAsync("/Identity/Account/Login").ShouldBeAsync(HttpStatusCode.OK);
        await client.GetAsync("/Identity/Account/Register").ShouldBeAsync(HttpStatusCode.OK);
        await client.GetAsync("/").ShouldBeAsync(HttpStatusCode.OK);
        // Registration posts share the same budget: they are how mass sign-ups would be tried.
        await client.SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = "Mass Signup",
            ["Input.Email"] = $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}",
            ["Input.Password"] = "four unrelated words here",
            ["Input.ConfirmPassword"] = "four unrelated words here",
        }).ShouldBeAsync(HttpStatusCode.TooManyRequests);
    }
}
