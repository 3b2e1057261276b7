using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;
using CareStories.Web.Delivery;
using CareStories.Web.Tests.Recognition;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Delivery;

/// <summary>The unsubscribe link in every notification mail: signed, needs no sign-in, and refuses anything altered.</summary>
public sealed class UnsubscribeTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    [Fact]
    public async Task The_link_in_a_mail_unsubscribes_without_signing_in()
    {
        var hero = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(hero);
        await client.SubmitFormAsync("/Notifications/Email", new() { [$"Input.Kinds[{(int)NotificationKind.StoryCelebrated}]"] = nameof(DeliveryChoice.EmailAtOnce) });
        var story = await factory.PublishedStoryAsync(hero);
        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Leader), await factory.BadgeAsync(), "Superb.");
        await factory.DeliverAsync();
        var mail = Assert.Single(Mailbox.MessagesTo(factory.MailFolder, hero.Email));
        var link = Assert.Single(mail.Links, l => l.StartsWith("http://localhost/mail/unsubscribe?token=", StringComparison.Ordinal));

        var visitor = factory.CreateBrowserClient();
        var page = await visitor.GetDocumentAsync(link);
        Assert.Contains("email for “Your story is celebrated”", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DeliveryChoice.EmailAtOnce, await ChoiceAsync(hero, NotificationKind.StoryCelebrated)); // opening the link changes nothing

        var done = await visitor.SubmitFormAsync(page, link, new());

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no longer get email", (await done.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DeliveryChoice.InAppOnly, await ChoiceAsync(hero, NotificationKind.StoryCelebrated));
    }

    [Fact]
    public async Task A_mail_providers_one_click_post_unsubscribes_without_cookies_or_a_form_token()
    {
        var reader = await factory.Data.PersonAsync();
        await WantStoriesAsync(reader);
        var token = Tokens.Create(reader.Id, UnsubscribeScope.StoriesOfTheWeek);

        var response = await factory.CreateClient().PostAsync(
            "/mail/unsubscribe/one-click?token=" + Uri.EscapeDataString(token),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MailPreferences.Where(p => p.PersonId == reader.Id).Select(p => p.WantsStoriesOfTheWeek).SingleAsync()));
    }

    [Fact]
    public async Task A_link_whose_signature_was_changed_is_refused_and_changes_nothing()
    {
        var reader = await factory.Data.PersonAsync();
        await WantStoriesAsync(reader);
        var token = Tokens.Create(reader.Id, UnsubscribeScope.StoriesOfTheWeek);
        var altered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        var page = await factory.CreateBrowserClient().GetAsync("/mail/unsubscribe?token=" + Uri.EscapeDataString(altered));
        var oneClick = await factory.CreateClient().PostAsync(
            "/mail/unsubscribe/one-click?token=" + Uri.EscapeDataString(altered), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This link does not work", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateBrowserClient().GetAsync("/mail/unsubscribe")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.MailPreferences.Where(p => p.PersonId == reader.Id).Select(p => p.WantsStoriesOfTheWeek).SingleAsync()));
    }

    [Fact]
    public async Task A_link_older_than_half_a_year_no_longer_works()
    {
        var reader = await factory.Data.PersonAsync();
        await WantStoriesAsync(reader);
        var token = Tokens.Create(reader.Id, UnsubscribeScope.StoriesOfTheWeek);

        factory.Clock.Advance(UnsubscribeTokens.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateBrowserClient().GetAsync("/mail/unsubscribe?token=" + Uri.EscapeDataString(token))).StatusCode);
    }

    private UnsubscribeTokens Tokens => factory.Services.GetRequiredService<UnsubscribeTokens>();

    private async Task WantStoriesAsync(TestPerson person)
    {
        var client = await factory.SignInAsync(person);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/Notifications/Email", new() { ["Input.StoriesOfTheWeek"] = "true" })).StatusCode);
    }

    private Task<DeliveryChoice> ChoiceAsync(TestPerson person, NotificationKind kind) =>
        factory.WithDbAsync(async db => (await db.MailPreferences.AsNoTracking().SingleAsync(p => p.PersonId == person.Id)).ChoiceFor(kind));
}
