using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Delivery;

/// <summary>Each person's email choices per kind of notification, and the mail they cause: at once, weekly, or none.</summary>
public sealed class EmailChoicesTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private const string Page = "/Notifications/Email";

    [Fact]
    public async Task Every_kind_starts_in_the_app_only()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync(Page);

        Assert.Equal(DeliveryText.Kinds.Count, page.QuerySelectorAll("fieldset.delivery-choice").Length);
        foreach (var kind in DeliveryText.Kinds)
        {
            var checkedRadio = Assert.Single(page.QuerySelectorAll<IHtmlInputElement>($"input[name='Input.Kinds[{(int)kind}]']"), r => r.IsChecked);
            Assert.Equal(nameof(DeliveryChoice.InAppOnly), checkedRadio.Value);
        }

        Assert.Contains("Your story is celebrated", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("StoryCelebrated", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_email_at_once_for_celebrations_mails_the_celebrated_person_a_link_to_the_story()
    {
        var hero = await factory.Data.PersonAsync();
        await ChooseAsync(hero, NotificationKind.StoryCelebrated, DeliveryChoice.EmailAtOnce);
        var story = await factory.PublishedStoryAsync(hero);
        await factory.DeliverAsync(); // "published" news: in the app only for both

        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Manager), await factory.BadgeAsync(), "Thank you.");
        await factory.DeliverAsync();

        var mail = Assert.Single(Mailbox.MessagesTo(factory.MailFolder, hero.Email));
        Assert.Contains("celebrated your story", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/Stories/{story.Id}", mail.Links);
        Assert.Contains($"http://localhost/Stories/{story.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/mail/unsubscribe/one-click?token=", mail.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);

        // The author kept the default: the bell only, and the news is not left waiting in the outbox.
        Assert.Empty(Mailbox.MessagesTo(factory.MailFolder, story.Author.Email));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AllAsync(n => n.StoryId != story.Id || n.DeliveredAt != null)));
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var person = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(person);

        var response = await client.SubmitFormAsync(Page, new()
        {
            [$"Input.Kinds[{(int)NotificationKind.StoryCelebrated}]"] = "Loudly",
            [$"Input.Kinds[{(int)NotificationKind.StoryCommented}]"] = nameof(DeliveryChoice.WeeklyDigest),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Single(page.FieldErrors($"Input.Kinds[{(int)NotificationKind.StoryCelebrated}]"));
        Assert.Single(page.SummaryErrors());
        Assert.True(page.QuerySelector<IHtmlInputElement>($"input[name='Input.Kinds[{(int)NotificationKind.StoryCommented}]'][value=WeeklyDigest]")!.IsChecked);
        Assert.False(await factory.WithDbAsync(db => db.MailPreferences.AnyAsync(p => p.PersonId == person.Id)));
    }

    [Fact]
    public async Task Email_choices_are_only_for_someone_signed_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync(Page);

        response.ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task The_weekly_digest_collects_the_week_and_goes_out_once_on_Monday_morning()
    {
        var hero = await factory.Data.PersonAsync();
        await ChooseAsync(hero, NotificationKind.StoryCelebrated, DeliveryChoice.WeeklyDigest);
        await ChooseAsync(hero, NotificationKind.StoryCommented, DeliveryChoice.WeeklyDigest);
        var story = await factory.PublishedStoryAsync(hero);
        var mondayMorning = MailWeek.DueWeek(factory.Clock.GetUtcNow()).AddDays(7) + MailWeek.SendFrom;

        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Manager), await factory.BadgeAsync(), "Bravo.");
        await factory.DeliverAsync();
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "What a save.");
        factory.Clock.SetUtcNow(mondayMorning - TimeSpan.FromMinutes(1));
        await factory.DeliverAsync();
        Assert.Empty(Mailbox.MessagesTo(factory.MailFolder, hero.Email));

        factory.Clock.SetUtcNow(mondayMorning);
        await factory.DeliverAsync();
        await factory.DeliverAsync();

        var digest = Assert.Single(Mailbox.MessagesTo(factory.MailFolder, hero.Email));
        Assert.Equal("Your week on CareStories: 2 updates", digest.Subject);
        Assert.Contains("celebrated your story", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("commented on your story", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, digest.Links.Count(l => l == $"http://localhost/Stories/{story.Id}"));
    }

    [Fact]
    public async Task Stories_of_the_week_lists_the_stories_published_the_week_before()
    {
        var reader = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(reader);
        await client.SubmitFormAsync(Page, new() { ["Input.StoriesOfTheWeek"] = "true" });
        var story = await factory.PublishedStoryAsync();
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).Select(s => s.Title).SingleAsync());

        factory.Clock.SetUtcNow(MailWeek.DueWeek(factory.Clock.GetUtcNow()).AddDays(7) + MailWeek.SendFrom);
        await factory.DeliverAsync();
        await factory.DeliverAsync();

        var mail = Assert.Single(Mailbox.MessagesTo(factory.MailFolder, reader.Email));
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/Stories/{story.Id}", mail.Links);
        Assert.Contains("Stop the stories of the week", mail.HtmlBody, StringComparison.Ordinal);
    }

    private async Task ChooseAsync(TestPerson person, NotificationKind kind, DeliveryChoice choice)
    {
        var client = await factory.SignInAsync(person);
        var response = await client.SubmitFormAsync(Page, new() { [$"Input.Kinds[{(int)kind}]"] = choice.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
