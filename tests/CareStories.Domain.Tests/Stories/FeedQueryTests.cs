using CareStories.Domain.People;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class FeedQueryTests
{
    [Theory]
    [InlineData(FeedPeriod.Last7Days, "2026-03-03T12:00:00Z")]
    [InlineData(FeedPeriod.Last30Days, "2026-02-08T12:00:00Z")]
    [InlineData(FeedPeriod.Last90Days, "2025-12-10T12:00:00Z")]
    [InlineData(FeedPeriod.Last12Months, "2025-03-10T12:00:00Z")]
    public void A_period_reaches_back_from_now(FeedPeriod period, string since)
    {
        Assert.Equal(DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture), period.Since(Now));
    }

    [Fact]
    public void Every_period_has_words_for_people()
    {
        foreach (var period in Enum.GetValues<FeedPeriod>())
        {
            Assert.StartsWith("Last ", period.Label(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_filter_with_nothing_set_is_empty()
    {
        Assert.True(new FeedFilter().IsEmpty);
        Assert.True(FeedFilter.None.IsEmpty);
        Assert.False(new FeedFilter(TeamKind: TeamKind.BehindTheScenes).IsEmpty);
        Assert.False(new FeedFilter(Period: FeedPeriod.Last7Days).IsEmpty);
    }

    [Fact]
    public void The_feed_lists_only_published_stories()
    {
        var stories = Enum.GetValues<StoryStatus>().Select(InStatus).ToList();

        var feed = stories.AsQueryable().PublishedFeed().ToList();

        Assert.Equal(StoryStatus.Published, Assert.Single(feed).Status);
    }
}
