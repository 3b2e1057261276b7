namespace CareStories.Web.Tests.Thanks;

/// <summary>The app with a small budget of thank-you posts, so a test reaches it in a few requests.</summary>
public sealed class ThanksRateLimitedFactory : CareStoriesFactory
{
    public const int PostsPerMinute = 2;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:ThanksPostsPerMinute"] = PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class PublicRateLimitTests(ThanksRateLimitedFactory factory) : IClassFixture<ThanksRateLimitedFactory>
{
    [Fact]
    public async Task Thank_you_posts_beyond_the_limit_answer_429_on_the_form_with_the_words_kept_and_sign_in_still_works()
    {
        var person = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(person);
        var customer = factory.CreateBrowserClient();
        var values = new FormValues
        {
            ["Input.Text"] = "Thank you!",
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.Consent"] = "true",
        };
        for (var post = 1; post <= ThanksRateLimitedFactory.PostsPerMinute; post++)
        {
            await customer.SubmitFormAsync($"/t/{link.Token}", values).ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var refused = await customer.SubmitFormAsync($"/t/{link.Token}", new FormValues
        {
            ["Input.Text"] = "One more thing: the flowers were lovely.",
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.Consent"] = "true",
        });

        await refused.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("You've sent several thank-yous in a short time", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("One more thing: the flowers were lovely.", page.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href*='site']"));
        Assert.Equal(ThanksRateLimitedFactory.PostsPerMinute, (await factory.ThanksThroughAsync(link)).Count);
        await customer.GetAsync($"/t/{link.Token}").ShouldBeAsync(HttpStatusCode.OK);
        // Sign-in has its own budget: a busy thank-you form never locks staff out.
        await factory.SignInAsync(person);
    }

}

/// <summary>Its own app (and so its own budget), so what the other class uses up does not count here.</summary>
public sealed class PublicRateLimitBudgetTests(ThanksRateLimitedFactory factory) : IClassFixture<ThanksRateLimitedFactory>
{
    [Fact]
    public async Task Posts_refused_for_a_missing_field_do_not_use_up_the_customers_budget()
    {
        var person = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(person);
        var customer = factory.CreateBrowserClient();
        for (var post = 1; post <= ThanksRateLimitedFactory.PostsPerMinute + 1; post++)
        {
            await customer.SubmitFormAsync($"/t/{link.Token}", new FormValues { ["Input.Text"] = "" }).ShouldBeAsync(HttpStatusCode.OK);
        }

        var accepted = await customer.SubmitFormAsync($"/t/{link.Token}", new FormValues
        {
            ["Input.Text"] = "Thank you for your patience.",
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.Consent"] = "true",
        });

        await accepted.ShouldBeAsync(HttpStatusCode.Redirect);
    }
}
