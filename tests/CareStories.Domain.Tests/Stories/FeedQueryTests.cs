using CareStories.Domain.People;
using CareStories.Domain.Stories;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class FeedQueryTests
{
    [Fact]
    public void A_cursor_is_written_as_utc_ticks_dot_id_and_reads_back_the_same()
    {
        var cursor = new FeedCursor(new DateTimeOffset(2026, 3, 10, 14, 30, 5, TimeSpan.FromHours(2)).AddTicks(7), 4711);

        var text = cursor.ToString();

        Assert.Equal($"{cursor.PublishedAt.UtcTicks}.4711", text);
        Assert.True(FeedCursor.TryParse(text, out var read));
        Assert.Equal(cursor.PublishedAt.UtcTicks, read.PublishedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.PublishedAt.Offset);
        Assert.Equal(4711, read.Id);
        Assert.Equal(read, FeedCursor.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("639000000000000000")]
    [InlineData("639000000000000000.")]
    [InlineData(".12")]
    [InlineData("639000000000000000.12.3")]
    [InlineData("639000000000000000-12")]
    [InlineData("-639000000000000000.12")]
    [InlineData("639000000000000000.-12")]
    [InlineData("639000000000000000.0")]
    [InlineData("+639000000000000000.12")]
    [InlineData(" 639000000000000000.12")]
    [InlineData("99999999999999999999.12")]
    [InlineData("3155378976000000000.12")]
    [InlineData("639000000000000000.99999999999")]
    [InlineData("6.39e17.12")]
    public void A_malformed_or_impossible_cursor_is_no_cursor(string? text)
    {
        Assert.False(FeedCursor.TryParse(text, out _));
        Assert.Null(FeedCursor.Parse(text));
    }

    [Fact]
    public void The_earliest_and_latest_instants_round_trip()
    {
        foreach (var at in new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue })
        {
            Assert.Equal(new FeedCursor(at, 1), FeedCursor.Parse(new FeedCursor(at, 1).ToString()));
        }
    }

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
