using System.Text.RegularExpressions;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Search;

[Collection(BrowserCollection.Second)]
public sealed class SearchJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    /// <summary>A published story of Tom's whose customer quote holds a word found nowhere else.</summary>
    private Task<(int Id, string Title)> StoryWithQuoteWordAsync(string word) => App.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var tom = await db.Users.Where(u => u.Email == "tom@carestories.example").Select(u => u.Id).SingleAsync();
        var sam = await db.Users.Where(u => u.Email == DemoAccounts.Manager.Email).Select(u => u.Id).SingleAsync();
        var team = await db.TeamMemberships.Where(m => m.PersonId == tom).Select(m => m.TeamId).FirstAsync();
        var title = $"The umbrella in the storm {Guid.NewGuid():N}"[..40];
        var story = new Story(tom, new StoryContent(
            title,
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)),
            "A guest was stuck at the door in a downpour with a sleeping child.",
            "Tom walked them to the taxi under the hotel's biggest umbrella.",
            null,
            "They left dry and smiling.",
            null,
            null,
            null), now.AddHours(-6));
        story.SetTeams([team]);
        story.AddQuote(new QuoteDetails(
            $"Tom and his {word} umbrella made our night.", QuoteSource.Letter, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
            CustomerNaming.FirstNameOnly, "Beatrix"), now.AddHours(-6));
        story.Submit(tom, now.AddHours(-5));
        story.Publish(sam, now.AddHours(-4));
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return (story.Id, title);
    });

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_searches_from_the_header_and_finds_a_story_by_a_word_in_its_customer_quote(string screen)
    {
        var word = "glimmerwick" + Guid.NewGuid().ToString("N")[..6];
        var (id, title) = await StoryWithQuoteWordAsync(word);
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        // The box is in the header of every page, at a phone's width too, without opening the menu.
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search stories" });
        await Expect(box).ToBeVisibleAsync();
        await box.FillAsync(word);
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/Search\\?q={word}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search stories", Level = 1 })).ToBeVisibleAsync();
        var result = page.Locator("ol.search-results article");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Expect(result.Locator("blockquote mark")).ToHaveTextAsync(word);
        await Expect(result.Locator("figcaption")).ToContainTextAsync("Beatrix");
        await ScreenshotAsync(page, $"search-results-{screen}");
        await AssertAccessibleAsync(page);

        await result.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Stories/{id}$"));

        // Nothing found: the page says what to try instead.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search stories" }).FillAsync(word + " nothingmatchesthis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).First.ClickAsync();
        await Expect(page.Locator(".search-empty")).ToContainTextAsync("No stories match");
        await ScreenshotAsync(page, $"search-empty-{screen}");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "stories with any of these words" }).ClickAsync();
        await Expect(page.Locator("ol.search-results article")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task The_huddle_screen_and_the_feed_address_page_read_well(string screen)
    {
        await StoryWithQuoteWordAsync("huddle" + Guid.NewGuid().ToString("N")[..6]);
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GotoAsync("Huddle");
        await ScreenshotAsync(page, $"huddle-teams-{screen}");
        await AssertAccessibleAsync(page);
        await page.Locator(".huddle-team-link").First.ClickAsync();
        await Expect(page.Locator(".huddle-team")).ToContainTextAsync("Story of the day");
        var first = await page.Locator("h1").TextContentAsync();
        await ScreenshotAsync(page, $"huddle-{screen}");
        await AssertAccessibleAsync(page);
        // The arrow keys are heard once the page's script has run, which is after its heading shows.
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(first!);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("h1")).ToHaveTextAsync(first!);

        await page.GotoAsync("Identity/Account/Manage/Feeds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my feed address" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Reset my feed address" })).ClickAsync();
        await Expect(page.GetByLabel("Every published story")).ToHaveValueAsync(new Regex("/feeds/"));
        await ScreenshotAsync(page, $"feed-address-{screen}");
        await AssertAccessibleAsync(page);
    }
}
