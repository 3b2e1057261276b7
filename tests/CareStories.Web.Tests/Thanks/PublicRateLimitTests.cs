using System.Net;
using CareStories.Domain.Stories;
using CareStories.Web.Tests.Infrastructure;

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
    public async Task Thank_you_posts_beyond_the_limit_answer_429_with_a_friendly_message_and_sign_in_still_works()
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

        var refused = await customer.SubmitFormAsync($"/t/{link.Token}", values);

        await refused.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(
            "You've sent several thank-yous in a short time. Please wait a minute and try again.",
            await refused.Content.ReadAsStringAsync());
        Assert.Equal(ThanksRateLimitedFactory.PostsPerMinute, (await factory.ThanksThroughAsync(link)).Count);
        await customer.GetAsync($"/t/{link.Token}").ShouldBeAsync(HttpStatusCode.OK);
        // Sign-in has its own budget: a busy thank-you form never locks staff out.
        await factory.SignInAsync(person);
    }
}
