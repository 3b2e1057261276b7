using System.Text.RegularExpressions;
using CareStories.Domain.Catalogue;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Feed;

[Collection(BrowserCollection.Second)]
public sealed partial class FeedJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    private const string Team = "Billing";
    private const string BadgeName = "Quietly brilliant";

    private static readonly SemaphoreSlim Arranging = new(1, 1);

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_filters_the_feed_to_a_behind_the_scenes_team_shares_the_url_and_pages_to_older_stories(string screen)
    {
        await EnoughBillingStoriesToPageAsync();
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GetByRole(AriaRole.Link, new() { Name = "See all on the feed" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recognition feed", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Feed · CareStories");
        await ScreenshotAsync(page, $"feed-{screen}");
        await AssertAccessibleAsync(page);

        await OpenFiltersAsync(page, screen);
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Team });
        await page.GetByLabel("Kind of team").SelectOptionAsync(new SelectOptionValue { Label = "Behind the scenes" });
        await ScreenshotAsync(page, $"feed-filters-open-{screen}");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show stories" }).ClickAsync();

        // Only the filters that are set travel in the URL, so the link reads cleanly when shared.
        await Expect(page).ToHaveURLAsync(FilteredUrl());
        await Expect(page).ToHaveTitleAsync($"Feed: {Team}, Behind the scenes · CareStories");
        var cards = page.Locator("[aria-labelledby=latest-heading] article.feed-card");
        await Expect(cards).ToHaveCountAsync(20);
        foreach (var card in await cards.AllAsync())
        {
            await Expect(card.Locator(".tag-team").Filter(new() { HasText = Team })).ToHaveCountAsync(1);
            await Expect(card).ToContainTextAsync("Behind the scenes");
        }

        await Expect(cards.First.Locator(".feed-heroes")).ToContainTextAsync("Mei Chen, Billing");
        await ScreenshotAsync(page, $"feed-filtered-{screen}");
        await AssertAccessibleAsync(page);

        var shared = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Older stories" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(OlderUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Older stories", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Kind of team")).ToHaveValueAsync("behind-the-scenes");
        await Expect(page.Locator("[aria-labelledby=featured-heading]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"feed-older-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to newest" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(shared);

        // Someone opening the shared link sees the same filtered feed.
        var colleague = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(colleague, DemoAccounts.Manager);
        await colleague.GotoAsync(shared);
        await Expect(colleague.GetByLabel("Team", new() { Exact = true })).ToHaveValueAsync(new Regex("^[0-9]+$"));
        await Expect(colleague.Locator("[aria-labelledby=latest-heading] article.feed-card")).ToHaveCountAsync(20);

        await page.GotoAsync("Feed?team=0&period=7d&kind=customer-facing&badge=999999");
        await OpenFiltersAsync(page, screen);
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Team });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show stories" }).ClickAsync();
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("No stories match these filters.");
        await ScreenshotAsync(page, $"feed-empty-{screen}");
        await AssertAccessibleAsync(page);
        await page.Locator(".empty-state").GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Feed$"));
    }

    /// <summary>On a phone the filters are folded away under their heading until the reader opens them.</summary>
    private static async Task OpenFiltersAsync(IPage page, string screen)
    {
        var team = page.GetByLabel("Team", new() { Exact = true });
        if (screen == "phone")
        {
            await Expect(team).ToBeHiddenAsync();
            await page.Locator("summary").Filter(new() { HasText = "Filter stories" }).ClickAsync();
        }

        await Expect(team).ToBeVisibleAsync();
    }

    /// <summary>More Billing stories than fit on a page, some celebrated and applauded, written as the app would.</summary>
    private async Task EnoughBillingStoriesToPageAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            await App.WithDbAsync(async db =>
            {
                var team = await db.Teams.SingleAsync(t => t.Name == Team);
                var published = await db.Stories.CountAsync(s => s.Status == StoryStatus.Published && s.Teams.Any(t => t.TeamId == team.Id));
                if (published > 25)
                {
                    return 0;
                }

                var people = await db.Users.Where(u => u.Email!.StartsWith("mei@") || u.Email!.StartsWith("tom@")
                        || u.Email!.StartsWith("leader@") || u.Email!.StartsWith("fatima@") || u.Email!.StartsWith("ravi@"))
                    .ToDictionaryAsync(u => u.Email![..u.Email!.IndexOf('@', StringComparison.Ordinal)], u => u.Id);
                var badge = await db.Badges.FirstOrDefaultAsync(b => b.Name == BadgeName);
                if (badge is null)
                {
                    badge = new Badge(BadgeName, "Fixed it behind the scenes before anyone noticed.", BadgeColour.Teal, "🤫");
                    db.Badges.Add(badge);
                    await db.SaveChangesAsync();
                }

                var now = DateTimeOffset.UtcNow;
                var made = new List<(Story Story, int Index, DateTimeOffset At)>();
                for (var i = 0; i < 26; i++)
                {
                    var (title, situation, action, outcome, quote) = Tales[i % Tales.Length];
                    var at = now.AddDays(-2 - i).AddHours(-i);
                    var story = new Story(people["mei"], new StoryContent(
                        $"{title} ({i + 1})", DateOnly.FromDateTime(at.UtcDateTime.AddDays(-1)), situation, action, null, outcome, null, null, null), now);
                    story.SetTeams([team.Id]);
                    story.AddQuote(new QuoteDetails(quote, QuoteSource.Email, DateOnly.FromDateTime(at.UtcDateTime), i % 2 == 0 ? CustomerNaming.FirstNameOnly : CustomerNaming.Anonymous, "Priya Raman"), now);
                    story.Submit(people["mei"], now);
                    story.Publish(people["tom"], at);
                    db.Stories.Add(story);
                    made.Add((story, i, at));
                }

                // Recognition is its own aggregate, keyed by the saved story's id.
                await db.SaveChangesAsync();
                foreach (var (story, i, at) in made)
                {
                    var facts = story.Facts();
                    if (i % 3 == 0)
                    {
                        db.Celebrations.Add(Celebration.Give(facts, people["tom"], badge, "This saved the customer a second bill.", at));
                        db.Celebrations.Add(Celebration.Give(facts, people["leader"], badge, "Exactly what we want more of.", at));
                    }

                    db.Applause.Add(Applause.Give(facts, people["fatima"], at));
                    if (i % 2 == 0)
                    {
                        db.Applause.Add(Applause.Give(facts, people["ravi"], at));
                        db.Comments.Add(Comment.Write(facts, people["ravi"], "Brilliant catch, thank you!", at));
                    }
                }

                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            Arranging.Release();
        }
    }

    private static readonly (string Title, string Situation, string Action, string Outcome, string Quote)[] Tales =
    [
        ("Refund sent before the customer asked",
            "A customer was charged twice for the same repair after a payment page timed out on the last step.",
            "Mei spotted the duplicate in the morning reconciliation and refunded it the same hour, with a note explaining why.",
            "The customer never had to call us; the refund was in their account before the statement arrived.",
            "I didn't even know I'd been charged twice. Then the money was back. Thank you!"),
        ("A payment plan that fit a pension",
            "A retired customer could not pay a large winter heating bill in one go and was too embarrassed to ask.",
            "Mei set up a plan with payments on the day the pension arrives and waived the set-up fee.",
            "The customer kept their heating on all winter and paid every instalment on time.",
            "You treated me like a person, not an account number."),
        ("Invoice fixed for a small bakery",
            "A bakery's invoice listed the wrong VAT number, so their accountant could not file the quarter's return.",
            "Mei reissued every invoice for the year with the right number and sent them straight to the accountant.",
            "The return went in on time and the bakery avoided a late-filing fine.",
            "Our accountant said it was the fastest fix she has ever seen."),
    ];

    [GeneratedRegex(@"/Feed\?team=[0-9]+&kind=behind-the-scenes$")]
    private static partial Regex FilteredUrl();

    [GeneratedRegex(@"/Feed\?team=[0-9]+&kind=behind-the-scenes&before=[0-9]+\.[0-9]+$")]
    private static partial Regex OlderUrl();
}
