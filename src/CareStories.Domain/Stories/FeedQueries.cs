using CareStories.Domain.Data;
using CareStories.Domain.Paging;

namespace CareStories.Domain.Stories;

/// <summary>How far back the feed looks, counted from now.</summary>
public enum FeedPeriod
{
    Last7Days = 0,
    Last30Days = 1,
    Last90Days = 2,
    Last12Months = 3,
}

public static class FeedPeriodText
{
    public static string Label(this FeedPeriod period) => period switch
    {
        FeedPeriod.Last7Days => "Last 7 days",
        FeedPeriod.Last30Days => "Last 30 days",
        FeedPeriod.Last90Days => "Last 90 days",
        FeedPeriod.Last12Months => "Last 12 months",
        _ => period.ToString(),
    };

    /// <summary>The earliest publication time the period includes.</summary>
    public static DateTimeOffset Since(this FeedPeriod period, DateTimeOffset now) => period switch
    {
        FeedPeriod.Last7Days => now.AddDays(-7),
        FeedPeriod.Last30Days => now.AddDays(-30),
        FeedPeriod.Last90Days => now.AddDays(-90),
        _ => now.AddMonths(-12),
    };
}

/// <summary>What a reader narrows the feed to; every part is optional and they combine.</summary>
public sealed record FeedFilter(
    int? TeamId = null,
    int? ValueId = null,
    int? BadgeId = null,
    TeamKind? TeamKind = null,
    FeedPeriod? Period = null)
{
    public static readonly FeedFilter None = new();

    public bool IsEmpty => this == None;
}

/// <summary>One row of a feed page: which story, where it sorts, and whether it is pinned as featured.</summary>
public sealed record FeedKey
{
    public required int Id { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When it was featured, for a featured story pinned on top; null for the rest of the feed.</summary>
    public DateTimeOffset? FeaturedAt => IsFeatured ? FeaturedOrPublishedAt : null;

    public required bool IsFeatured { get; init; }

    /// <summary>
    /// When it was featured (featured stories) or published (the rest): always an instant, because PostgreSQL types an
    /// untyped NULL in one half of the UNION as text and then refuses to unite it with the other half's timestamps.
    /// </summary>
    public required DateTimeOffset FeaturedOrPublishedAt { get; init; }

    public PageKey Key => new(PublishedAt, Id);
}

/// <summary>
/// The recognition feed as provider-neutral LINQ. Pages are read by key on the (Status, PublishedAt, Id) index,
/// newest first, so a deep page costs what the first one does.
/// </summary>
public static class FeedQueries
{
    /// <summary>Published stories newest first, on the (Status, PublishedAt, Id) index: the feed and a person's stories.</summary>
    public static readonly Keyset<Story, int> ByPublished = Keyset.NewestFirst((Story s) => s.PublishedAt, s => s.Id);

    public static IQueryable<Story> PublishedFeed(this IQueryable<Story> stories) =>
        stories.Where(s => s.Status == StoryStatus.Published);

    public static IQueryable<Story> Matching(this IQueryable<Story> stories, CareStoriesDbContext db, FeedFilter filter, DateTimeOffset now)
    {
        if (filter.TeamId is { } teamId)
        {
            stories = stories.Where(s => s.Teams.Any(t => t.TeamId == teamId));
        }

        if (filter.ValueId is { } valueId)
        {
            stories = stories.Where(s => s.Values.Any(v => v.ValueId == valueId));
        }

        if (filter.BadgeId is { } badgeId)
        {
            stories = stories.Where(s => db.Celebrations.Any(c => c.StoryId == s.Id && c.BadgeId == badgeId));
        }

        if (filter.TeamKind is { } kind)
        {
            stories = stories.Where(s => s.Teams.Any(t => t.Team.Kind == kind));
        }

        if (filter.Period is { } period)
        {
            var since = period.Since(now);
            stories = stories.Where(s => s.PublishedAt >= since);
        }

        return stories;
    }

    /// <summary>
    /// The few featured stories matching the filter, pinned on top of the feed, newest featuring first. A story is
    /// featured only while it is published (withdrawing unfeatures it), so they are found through the small
    /// featuring table; status is still checked, on the few found, so nothing unpublished is ever shown.
    /// </summary>
    public static IQueryable<FeedKey> Featured(this IQueryable<Story> stories, CareStoriesDbContext db, FeedFilter filter, DateTimeOffset now) =>
        db.FeaturedStories
            .Join(stories.Matching(db, filter, now), f => f.StoryId, s => s.Id, (f, s) => new { f.FeaturedAt, f.StoryId, Story = s })
            .OrderByDescending(x => x.FeaturedAt).ThenByDescending(x => x.StoryId)
            .Take(FeaturedStory.MaxFeatured)
            .Where(x => x.Story.Status == StoryStatus.Published)
            .Select(x => new FeedKey { Id = x.Story.Id, PublishedAt = x.Story.PublishedAt!.Value, IsFeatured = true, FeaturedOrPublishedAt = x.FeaturedAt });

    /// <summary>
    /// One page of the feed as keys, in one command: on the first page the featured stories (flagged) and then
    /// up to <paramref name="size"/> + 1 others, newest first (the extra one says there is an older page).
    /// Featured stories are never in the list below them, on any page.
    /// </summary>
    public static IQueryable<FeedKey> FeedPage(
        this IQueryable<Story> stories, CareStoriesDbContext db, FeedFilter filter, PageKey? after, DateTimeOffset now, int size)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ByPublished.After(
                stories.PublishedFeed().Matching(db, filter, now).Where(s => !db.FeaturedStories.Any(f => f.StoryId == s.Id)),
                after,
                size)
            .Select(s => new FeedKey { Id = s.Id, PublishedAt = s.PublishedAt!.Value, IsFeatured = false, FeaturedOrPublishedAt = s.PublishedAt!.Value });

        // Member initialisers rather than a constructor, so both halves stay SQL and concatenate in one command.
        return after is null ? stories.Featured(db, filter, now).Concat(list) : list;
    }
}
