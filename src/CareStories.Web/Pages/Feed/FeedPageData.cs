using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Feed;

// Reading a page of the feed when it is not in the cache: the part every reader shares.
public sealed partial class IndexModel
{
    /// <summary>What the address asked for, parsed: the filters as given (checked against the catalogue on load).</summary>
    private sealed record FeedAsked(int? Team, int? Value, int? Badge, TeamKind? Kind, FeedPeriod? Period, PageKey? After, DateTimeOffset Now);

    /// <summary>A page of the feed as every reader sees it; shared between requests, so immutable.</summary>
    private sealed record FeedPageData(
        FeedFilter Filter,
        IReadOnlyList<string> FilterWords,
        IReadOnlyList<TeamOption> Teams,
        IReadOnlyList<ValueOption> Values,
        IReadOnlyList<BadgeOption> Badges,
        IReadOnlyList<Card> Featured,
        IReadOnlyList<Card> Stories,
        IReadOnlyList<Fixes.FixCard> DoneFixes,
        PageKey? Next)
    {
        public static readonly FeedPageData Empty = new(FeedFilter.None, [], [], [], [], [], [], [], null);

        /// <summary>Roughly what the page holds in memory, for the cache's size limit: a card is about 2 KB.</summary>
        public static long Kilobytes(FeedPageData page) =>
            4 + (2 * (page.Featured.Count + page.Stories.Count + page.DoneFixes.Count)) + ((page.Teams.Count + page.Values.Count + page.Badges.Count) / 8);
    }

    private async Task<FeedPageData> LoadAsync(FeedAsked asked, CancellationToken cancellationToken)
    {
        var other = await OtherContentStampAsync(cancellationToken);
        var (teams, values, badges) = await CatalogueAsync(other, cancellationToken);

        // Only filters that name something that exists count: an old link to a team that is gone shows everything.
        var filter = new FeedFilter(
            teams.Any(t => t.Id == asked.Team) ? asked.Team : null,
            values.Any(v => v.Id == asked.Value) ? asked.Value : null,
            badges.Any(b => b.Id == asked.Badge) ? asked.Badge : null,
            asked.Kind,
            asked.Period);

        var keys = await db.Stories.AsNoTracking()
            .FeedPage(db, filter, asked.After, asked.Now, PageSize)
            .ToListAsync(cancellationToken);
        var featuredKeys = keys.Where(k => k.IsFeatured).OrderByDescending(k => k.FeaturedAt).ThenByDescending(k => k.Id).ToList();
        var list = Keyset.PageOf(
            [.. keys.Where(k => !k.IsFeatured).OrderByDescending(k => k.PublishedAt).ThenByDescending(k => k.Id)],
            PageSize,
            k => k.Key);

        var cards = await CachedCardsAsync(
            [.. featuredKeys.Select(k => k.Id), .. list.Items.Select(k => k.Id)],
            other,
            teams.ToDictionary(t => t.Id),
            badges.ToDictionary(b => b.Id),
            cancellationToken);
        var doneFixes = await Fixes.FeedFixes.InWindowAsync(db, filter, list.Next?.At, asked.After?.At, asked.Now, cancellationToken);
        return new FeedPageData(
            filter,
            Describe(filter, teams, values, badges),
            teams,
            values,
            badges,
            [.. featuredKeys.Select(k => cards[k.Id])],
            [.. list.Items.Select(k => cards[k.Id])],
            doneFixes,
            list.Next);
    }
}
