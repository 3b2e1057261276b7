using System.Globalization;
using System.Text;

namespace CareStories.Web.Tests.Recognition;

/// <summary>
/// On a machine without an emoji font an emoji draws as a box: the applause button and every badge still say what
/// they are in words, and the emoji is decoration that screen readers skip.
/// </summary>
public sealed class ReadableWithoutEmojiTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Applause_button_says_applaud_in_words_with_a_drawn_icon_and_no_emoji()
    {
        var story = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync(story.Url);

        var button = page.QuerySelector("#applause form button")!;
        Assert.Equal("Applaud", button.TextContent.Trim());
        Assert.False(HasEmoji(button.TextContent));
        var icon = button.QuerySelector("img.applause-icon")!;
        Assert.Equal("", icon.GetAttribute("alt"));
        var iconResponse = await client.GetAsync(icon.GetAttribute("src"));
        await iconResponse.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", iconResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Badge_chips_on_the_story_the_person_page_and_the_feed_name_the_badge_and_hide_the_emoji_from_readers()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var badgeId = await factory.BadgeAsync(emoji: "🦄");
        var badgeName = await factory.WithDbAsync(db => Task.FromResult(db.Badges.Single(b => b.Id == badgeId).Name));
        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(CareStories.Domain.People.Roles.Employee, CareStories.Domain.People.Roles.Manager), badgeId, "Well done.");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var storyChip = (await client.GetDocumentAsync(story.Url)).QuerySelectorAll(".badge-chip").Single(c => c.TextContent.Contains(badgeName, StringComparison.Ordinal));
        var personChip = (await client.GetDocumentAsync($"/People/{hero.Id}")).QuerySelectorAll(".badge-chip").First(c => c.TextContent.Contains(badgeName, StringComparison.Ordinal));
        var feedBadge = (await client.GetDocumentAsync("/Feed")).QuerySelectorAll(".feed-badge").Single(c => c.TextContent.Contains(badgeName, StringComparison.Ordinal));

        foreach (var chip in new[] { storyChip, personChip, feedBadge })
        {
            var emoji = chip.QuerySelector(".badge-emoji")!;
            Assert.Equal("true", emoji.GetAttribute("aria-hidden"));
            Assert.Equal("🦄", emoji.TextContent.Trim());
            Assert.Equal(badgeName, TextWithoutDecoration(chip));
        }
    }

    /// <summary>What a reader hears, or sees if the emoji draws as a box: the text outside aria-hidden parts.</summary>
    private static string TextWithoutDecoration(IElement element) =>
        string.Concat(element.Descendants<IText>()
            .Where(t => !t.GetAncestors().OfType<IElement>().Any(a => a.GetAttribute("aria-hidden") == "true"))
            .Select(t => t.Data)).Trim();

    private static bool HasEmoji(string text) =>
        text.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherSymbol && r.Value > 0x2000);
}
