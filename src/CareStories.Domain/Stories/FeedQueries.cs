using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CareStories.Domain.Data;
using CareStories.Domain.People;

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

/// <summary>
/// Where a page of the feed ends: the last story shown. The next page starts strictly after it in
/// (PublishedAt desc, Id desc) order, so stories sharing a publication time are neither skipped nor repeated.
/// In a URL it is "&lt;PublishedAt UTC ticks&gt;.&lt;Id&gt;".
/// </summary>
public readonly record struct FeedCursor(DateTimeOffset PublishedAt, int Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PublishedAt.UtcTicks}.{Id}");

    /// <summary>Reads a cursor from a URL; anything malformed or out of range is no cursor at all.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FeedCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || id <= 0)
        {
            return false;
        }

        cursor = new FeedCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    public static FeedCursor? Parse(string? text) => TryParse(text, out var cursor) ? cursor : null;
}

/// <summary>One row of a feed page: which story, where it sorts, and whether it is pinned as featured.</summary>
public sealed record FeedKey
{
    public required int Id { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When it was featured, for a featured story pinned on top; null for the rest of the feed.</summary>
    public required DateTimeOffset? FeaturedAt { get; init; }

    public bool IsFeatured => FeaturedAt is not null;

    public FeedCursor Cursor => new(PublishedAt, Id);
}

/// <summary>
/// The recognition feed as provider-neutral LINQ. Pages are read by key on the (Status, PublishedAt, Id) index,
/// newest first, so a deep page costs what the first one does.
/// </summary>
public static class FeedQueries
{
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

    public static IOrderedQueryable<Story> NewestFirst(this IQueryable<Story> stories) =>
        stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id);

    /// <summary>Stories that sort after the cursor, newest first; all of them when there is no cursor.</summary>
    public static IQueryable<Story> Before(this IQueryable<Story> stories, FeedCursor? cursor)
    {
        if (cursor is not { } c)
        {
            return stories;
        }

        var at = c.PublishedAt;
        var id = c.Id;
        return stories.Where(s => s.PublishedAt < at || (s.PublishedAt == at && s.Id < id));
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
            .Select(x => new FeedKey { Id = x.Story.Id, PublishedAt = x.Story.PublishedAt!.Value, FeaturedAt = x.FeaturedAt });

    /// <summary>
    /// One page of the feed as keys, in one command: on the first page the featured stories (flagged) and then
    /// up to <paramref name="size"/> + 1 others, newest first (the extra one says there is an older page).
    /// Featured stories are never in the list below them, on any page.
    /// </summary>
    public static IQueryable<FeedKey> FeedPage(
        this IQueryable<Story> stories, CareStoriesDbContext db, FeedFilter filter, FeedCursor? cursor, DateTimeOffset now, int size)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = stories.PublishedFeed()
            .Matching(db, filter, now)
            .Where(s => !db.FeaturedStories.Any(f => f.StoryId == s.Id))
            .Before(cursor)
            .NewestFirst()
            .Take(size + 1)
            .Select(s => new FeedKey { Id = s.Id, PublishedAt = s.PublishedAt!.Value, FeaturedAt = null });

        // Member initialisers rather than a constructor, so both halves stay SQL and concatenate in one command.
        return cursor is null ? stories.Featured(db, filter, now).Concat(list) : list;
    }
}
