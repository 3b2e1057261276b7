using System.Text.Json.Nodes;
using CareStories.Domain.Delivery;
using CareStories.Web.Chat;
using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Delivery;

/// <summary>Test-only: webhooks may point at a receiver on 127.0.0.1; chat posts are sent by the test, one pass at a time.</summary>
public sealed class ChatFactory : DeliveryFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Chat:AllowLocalReceiverForTesting"] = "true",
        ["Chat:QuickRetries"] = "0",
    };

    public Task<int> PostChatAsync() => Services.GetRequiredService<ChatSender>().SendDueAsync(CancellationToken.None);
}

/// <summary>Slack and Teams channels: connected by an Admin, sent a card for each published and celebrated story.</summary>
public sealed class ChatTests(ChatFactory factory) : IClassFixture<ChatFactory>
{
    [Fact]
    public async Task An_admins_webhook_address_is_stored_encrypted_and_shown_masked()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();

        await ConnectAsync(admin, ChatPlatform.Slack, await factory.Data.TeamAsync(), receiver.Url);

        var stored = await factory.WithDbAsync(db => db.ChatWebhooks.AsNoTracking().OrderBy(w => w.Id).LastAsync());
        Assert.DoesNotContain("secret", stored.ProtectedAddress, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", stored.ProtectedAddress, StringComparison.Ordinal);
        var list = (await admin.GetDocumentAsync("/Admin/Chat")).QuerySelector("main")!.TextContent;
        Assert.Contains($"{receiver.Url.Scheme}://{receiver.Url.Authority}/…cret", list, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatReceiver.Path, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teams_channel_gets_a_slack_card_when_its_story_is_published_and_again_when_celebrated()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        await ConnectAsync(admin, ChatPlatform.Slack, team, receiver.Url);
        await factory.PostChatAsync();

        var storyId = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        var otherAuthor = await factory.Data.PersonAsync();
        await factory.Data.StoryAsync(otherAuthor, await factory.Data.TeamAsync(members: [otherAuthor]), s => s.Submit(otherAuthor.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        await factory.PostChatAsync();

        var published = Assert.Single(receiver.Received);
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).Select(s => s.Title).SingleAsync());
        var text = published.ToJsonString();
        Assert.Equal("header", published["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Contains(title, published["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(author.DisplayName, text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/Stories/{storyId}", text, StringComparison.Ordinal);
        // The customer agreed to their first name only.
        Assert.Contains("Rosa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Diaz", text, StringComparison.Ordinal);

        var leader = await factory.Data.PersonAsync(Roles.Leader);
        await factory.CelebrateAsync(storyId, leader, await factory.BadgeAsync(), "Wonderful.");
        await factory.PostChatAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Contains($"{leader.DisplayName} celebrated", receiver.Received.Last()["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_microsoft_teams_channel_gets_an_adaptive_card()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        await ConnectAsync(admin, ChatPlatform.MicrosoftTeams, team, receiver.Url);

        var storyId = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        await factory.PostChatAsync();

        var message = Assert.Single(receiver.Received);
        var attachment = message["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal($"http://localhost/Stories/{storyId}", attachment["content"]!["actions"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_post_shows_in_the_log_and_is_tried_again_after_its_backoff()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var channel = await ConnectAsync(admin, ChatPlatform.Slack, team, receiver.Url);
        receiver.FailNext(1);

        var storyId = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        await factory.PostChatAsync();
        Assert.Empty(receiver.Received);
        var log = await admin.GetDocumentAsync("/Admin/Chat/Log");
        var row = LogRow(log, storyId, channel);
        Assert.Contains("Trying again", row, StringComparison.Ordinal);
        Assert.Contains("500", row, StringComparison.Ordinal);

        factory.Clock.Advance(OutgoingMail.Backoff(1));
        await factory.PostChatAsync();

        Assert.Single(receiver.Received);
        Assert.Contains("Sent", LogRow(await admin.GetDocumentAsync("/Admin/Chat/Log"), storyId, channel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_from_the_channel_is_not_followed()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var channel = await ConnectAsync(admin, ChatPlatform.Slack, team, receiver.RedirectingUrl);

        var storyId = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        await factory.PostChatAsync();

        Assert.Empty(receiver.Received);
        var row = LogRow(await admin.GetDocumentAsync("/Admin/Chat/Log"), storyId, channel);
        Assert.True(row.Contains("307", StringComparison.Ordinal), row);
    }

    [Theory]
    [InlineData("http://hooks.slack.com/services/T1/B2/abc", "must start with https://")]
    [InlineData("https://example.com/services/T1/B2/abc", "posts only to")]
    [InlineData("https://hooks.slack.com.example.com/services/abc", "posts only to")]
    [InlineData("http://10.0.0.5/hook", "must start with https://")]
    [InlineData("https://user:pw@hooks.slack.com/services/abc", "no user name or password")]
    [InlineData("not an address", "Paste the whole webhook address")]
    public async Task A_webhook_address_that_is_not_https_to_an_allowed_host_is_refused_beside_the_field(string address, string message)
    {
        var admin = await AdminAsync();
        var channel = TestData.Unique("#refused");

        var response = await admin.SubmitFormAsync("/Admin/Chat/Connect", new() { ["Input.Channel"] = channel, ["Input.Address"] = address });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(page.FieldErrors("Input.Address"), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(address, page.QuerySelector<IHtmlInputElement>("#Input_Address")!.Value);
        Assert.False(await factory.WithDbAsync(db => db.ChatWebhooks.AnyAsync(w => w.Channel == channel)));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Addresses_inside_the_network_are_internal(string address) =>
        Assert.True(ChatAddresses.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("52.0.0.10")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_not_internal(string address) =>
        Assert.False(ChatAddresses.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public async Task The_chat_pages_are_for_admins_only()
    {
        var connectedBy = await factory.Data.PersonAsync(Roles.Admin);
        var teamId = await factory.Data.TeamAsync();
        var webhookId = await factory.WithDbAsync(async db =>
        {
            var admin = connectedBy.Id;
            var webhook = new ChatWebhook(ChatPlatform.Slack, teamId, TestData.Unique("#admins-only"), "sealed", "https://hooks.slack.com/…abcd", admin, factory.Clock.GetUtcNow());
            db.ChatWebhooks.Add(webhook);
            await db.SaveChangesAsync();
            return webhook.Id;
        });

        foreach (var roles in new[] { new[] { Roles.Employee }, [Roles.Manager], [Roles.Leader] })
        {
            var client = await factory.SignInAsync(await factory.Data.PersonAsync(roles));
            foreach (var page in new[] { "/Admin/Chat", "/Admin/Chat/Connect", "/Admin/Chat/Log" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
            }

            var disconnect = await client.PostWithOwnTokenAsync($"/Admin/Chat?handler=Disconnect&id={webhookId}", new FormValues());
            Assert.Equal(HttpStatusCode.Forbidden, disconnect.StatusCode);
        }

        Assert.True(await factory.WithDbAsync(db => db.ChatWebhooks.AnyAsync(w => w.Id == webhookId)));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync("/Admin/Chat/Log")).StatusCode);
    }

    [Fact]
    public async Task An_admin_disconnects_a_channel()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await AdminAsync();
        var channel = await ConnectAsync(admin, ChatPlatform.Slack, await factory.Data.TeamAsync(), receiver.Url);
        var id = await factory.WithDbAsync(db => db.ChatWebhooks.Where(w => w.Channel == channel).Select(w => w.Id).SingleAsync());

        var response = await admin.SubmitFormAsync("/Admin/Chat", new(), $"tr[data-channel-id='{id}'] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ChatWebhooks.AnyAsync(w => w.Id == id)));
    }

    private static string LogRow(IHtmlDocument log, int storyId, string channel) =>
        log.QuerySelectorAll("tr[data-post-id]")
            .First(r => r.QuerySelector($"a[href='/Stories/{storyId}']") is not null && r.TextContent.Contains(channel, StringComparison.Ordinal))
            .TextContent;

    private async Task<HttpClient> AdminAsync() => await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    private async Task<string> ConnectAsync(HttpClient admin, ChatPlatform platform, int? teamId, Uri address)
    {
        var channel = TestData.Unique("#wins");
        var response = await admin.SubmitFormAsync("/Admin/Chat/Connect", new()
        {
            ["Input.Platform"] = platform.ToString(),
            ["Input.TeamId"] = teamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.Channel"] = channel,
            ["Input.Address"] = address.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return channel;
    }
}

/// <summary>The app as deployed (no testing switch), with "localhost" wrongly allowed: its address is still refused.</summary>
public sealed class LocalhostAllowedFactory : DeliveryFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Chat:AllowedHosts:0"] = "localhost",
        ["Chat:QuickRetries"] = "0",
    };
}

public sealed class InternalChatAddressTests(LocalhostAllowedFactory factory) : IClassFixture<LocalhostAllowedFactory>
{
    [Fact]
    public async Task A_host_that_resolves_inside_the_network_is_never_posted_to_even_when_allowed_by_name()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var address = $"https://localhost:{receiver.Url.Port}{ChatReceiver.Path}";
        var connected = await admin.SubmitFormAsync("/Admin/Chat/Connect", new()
        {
            ["Input.TeamId"] = team.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Channel"] = "#inside",
            ["Input.Address"] = address,
        });
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        var refusedHere = await admin.SubmitFormAsync("/Admin/Chat/Connect", new() { ["Input.Channel"] = "#loopback", ["Input.Address"] = receiver.Url.ToString() });
        Assert.NotEmpty((await refusedHere.ReadDocumentAsync()).FieldErrors("Input.Address"));

        await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        await factory.Services.GetRequiredService<ChatSender>().SendDueAsync(CancellationToken.None);

        Assert.Empty(receiver.Received);
        var post = await factory.WithDbAsync(db => db.ChatPosts.AsNoTracking().SingleAsync(p => p.Webhook.Channel == "#inside"));
        Assert.NotNull(post.GaveUpAt);
        Assert.Contains("inside the network", post.LastError, StringComparison.Ordinal);
    }
}
