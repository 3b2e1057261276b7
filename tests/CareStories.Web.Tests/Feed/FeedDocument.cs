using System.Globalization;

namespace CareStories.Web.Tests.Feed;

/// <summary>Reads a feed page the way a reader sees it: pinned stories, the list, and the paging links.</summary>
internal static class FeedDocument
{
    public static IReadOnlyList<int> FeaturedIds(this IHtmlDocument page) => Ids(page, "[aria-labelledby=featured-heading] article.feed-card");

    public static IReadOnlyList<int> ListIds(this IHtmlDocument page) => Ids(page, "[aria-labelledby=latest-heading] article.feed-card");

    public static IReadOnlyList<int> AllIds(this IHtmlDocument page) => [.. page.FeaturedIds(), .. page.ListIds()];

    public static string? NextHref(this IHtmlDocument page) => page.QuerySelector("a[rel=next]")?.GetAttribute("href");

    public static IElement Card(this IHtmlDocument page, int id) =>
        page.QuerySelectorAll("article.feed-card").Single(card => StoryId(card) == id);

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int StoryId(IElement card)
    {
        var href = card.QuerySelector("h3 a")!.GetAttribute("href")!;
        return int.Parse(href.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<int> Ids(IHtmlDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(StoryId)];
}
