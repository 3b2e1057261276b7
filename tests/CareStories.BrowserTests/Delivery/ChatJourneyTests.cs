using System.Collections.Concurrent;
using System.Net;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Delivery;

/// <summary>
/// An Admin connects a team's Slack channel: an address on a host nobody allowed is refused beside the field, the
/// right one is connected, a published story posts its card to the channel (a receiver on loopback this test starts),
/// and the delivery log shows it sent.
/// </summary>
[Collection(BrowserCollection.Second)]
public sealed class ChatJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Admin_connects_a_chat_channel_after_a_refused_host_and_reads_the_delivery_log(string screen)
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (teamId, teamName) = await TeamAsync();
        var channel = $"#wins-{Guid.NewGuid():N}"[..14];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Admin);

        await page.GotoAsync("Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Slack and Teams" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slack and Teams", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect a channel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect a channel", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Slack", new() { Exact = true }).CheckAsync();
        await page.Locator("#Input_TeamId").SelectOptionAsync(new SelectOptionValue { Label = teamName });
        await page.Locator("#Input_Channel").FillAsync(channel);
        const string Refused = "https://hooks.example.net/services/T1/B2/not-allowed";
        await page.Locator("#Input_Address").FillAsync(Refused);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect the channel" }).ClickAsync();

        var beside = page.Locator("[data-valmsg-for='Input.Address']");
        await Expect(beside).ToContainTextAsync("CareStories posts only to");
        await Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Address")).ToHaveValueAsync(Refused);
        await Expect(page.Locator("#Input_Channel")).ToHaveValueAsync(channel);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"chat-refused-host-{screen}");

        await page.Locator("#Input_Address").FillAsync(receiver.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect the channel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Connected {channel}.");
        var row = page.Locator("tr").Filter(new() { HasText = channel });
        await Expect(row).ToContainTextAsync(teamName);
        await Expect(row).Not.ToContainTextAsync(LoopbackReceiver.Path);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"chat-connected-{screen}");

        var title = await PublishAsync(teamId);
        await receiver.WaitForCardAsync(title, TimeSpan.FromSeconds(30));

        await page.GetByRole(AriaRole.Link, new() { Name = "Delivery log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat delivery log", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator("[data-chat-log] tr").Filter(new() { HasText = title }).Filter(new() { HasText = channel });
        await Expect(card.Locator("[data-outcome]")).ToContainTextAsync("Sent");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, $"chat-delivery-log-{screen}");
    }

    private Task<(int Id, string Name)> TeamAsync() => App.WithDbAsync(async db =>
    {
        var team = new Team($"Concierge {Guid.NewGuid():N}"[..18], TeamKind.CustomerFacing, "Guests' requests, day and night.");
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return (team.Id, team.Name);
    });

    /// <summary>A story of the team, published as a reviewer would: the app's own rules queue its card.</summary>
    private Task<string> PublishAsync(int teamId) => App.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var tom = await db.Users.Where(u => u.Email == "tom@carestories.example").Select(u => u.Id).SingleAsync();
        var sam = await db.Users.Where(u => u.Email == DemoAccounts.Manager.Email).Select(u => u.Id).SingleAsync();
        var story = new Story(tom, new StoryContent(
            $"Found the lost passport before the flight {Guid.NewGuid():N}"[..52],
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
            "A guest left their passport in a taxi two hours before an international flight.",
            "The concierge called the taxi firm, met the driver halfway and drove it to the airport.",
            null,
            "The guest made the flight with twenty minutes to spare.",
            null,
            null,
            null), now.AddHours(-3));
        story.SetTeams([teamId]);
        story.SetHeroes([tom]);
        story.Submit(tom, now.AddHours(-2));
        story.Publish(sam, now.AddHours(-1));
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return story.Title;
    });

    /// <summary>Slack's side, on 127.0.0.1 at a port the OS picks: keeps the JSON cards posted to <see cref="Path"/>.</summary>
    private sealed class LoopbackReceiver : IAsyncDisposable
    {
        public const string Path = "/services/T0JOURNEY/B0JOURNEY/journeysecret";

        private readonly WebApplication _app;

        private LoopbackReceiver(WebApplication app) => _app = app;

        public ConcurrentQueue<string> Cards { get; } = new();

        public Uri Url { get; private set; } = null!;

        public static async Task<LoopbackReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new LoopbackReceiver(app);
            app.MapPost(Path, async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                receiver.Cards.Enqueue(await reader.ReadToEndAsync());
                return Results.Text("ok");
            });
            await app.StartAsync();
            receiver.Url = new Uri(new Uri(app.Urls.First()), Path);
            return receiver;
        }

        public async Task WaitForCardAsync(string title, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (!Cards.Any(c => c.Contains(title, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < until, $"No card for “{title}” reached the channel in {timeout.TotalSeconds:N0} s.");
                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
