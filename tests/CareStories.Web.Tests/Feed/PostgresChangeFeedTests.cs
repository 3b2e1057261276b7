using CareStories.Domain.Freshness;
using CareStories.Web.Freshness;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// What PostgreSQL's stamps and bells kept in memory answer, announcement by announcement (<see cref="PostgresChangeFeed"/>,
/// driven here without a database: the listening connection's part is ChangeAnnouncementTests').
/// </summary>
public sealed class PostgresChangeFeedTests
{
    private const string Me = "person-1";
    private static readonly int Story7 = StoryStamps.IdOf(7);

    [Fact]
    public void Nothing_is_answered_from_memory_before_the_connection_listens_or_before_a_page_offered_what_it_read()
    {
        var feed = NewFeed();
        feed.Offer(feed.Epoch, 11, Me, 2);
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.SetListening(true);
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.Offer(feed.Epoch, 11, Me, 2);
        Assert.Equal(new KnownStamps(11, 2, 0, 0), feed.TryKnown(Me, null, FreshnessToken.None));
        // Another person's bell was never read: their page reads the database.
        Assert.Null(feed.TryKnown("person-2", null, FreshnessToken.None));
    }

    [Fact]
    public void A_value_read_before_an_announcement_is_not_kept_over_it()
    {
        var feed = Listening();
        var epoch = feed.Epoch;
        feed.Apply($"s{ChangeStamp.SharedContentId}:12");
        feed.Offer(epoch, 11, Me, 0);

        // The offer was refused; the announced value is kept, and the bell (not offered) is unknown.
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));
        feed.Offer(feed.Epoch, 12, Me, 0);
        Assert.Equal(12, feed.TryKnown(Me, null, FreshnessToken.None)!.Shared);
    }

    [Fact]
    public void An_announced_stamp_replaces_the_kept_one_and_a_bell_announcement_forgets_that_persons_bell_only()
    {
        var feed = Listening();
        feed.Offer(feed.Epoch, 11, Me, 3);
        feed.Offer(feed.Epoch, 11, "person-2", 1);

        feed.Apply($"s{ChangeStamp.SharedContentId}:13");
        feed.Apply("bperson-2");

        Assert.Equal(new KnownStamps(13, 3, 0, 0), feed.TryKnown(Me, null, FreshnessToken.None));
        Assert.Null(feed.TryKnown("person-2", null, FreshnessToken.None));
    }

    [Fact]
    public void A_story_pages_stamps_are_kept_once_read_and_follow_their_announcements()
    {
        var feed = Listening();
        feed.Apply($"s{Story7}:70");
        Assert.Null(feed.TryKnown(Me, Story7, FreshnessToken.None));

        feed.Offer(feed.Epoch, 11, Me, 0, Story7, other: 20, story: 70);
        Assert.Equal(new KnownStamps(11, 0, 20, 70), feed.TryKnown(Me, Story7, FreshnessToken.None));

        feed.Apply($"s{Story7}:71");
        feed.Apply($"s{StoryStamps.OtherContentId}:21");
        Assert.Equal(new KnownStamps(11, 0, 21, 71), feed.TryKnown(Me, Story7, FreshnessToken.None));
        Assert.Null(feed.TryKnown(Me, StoryStamps.IdOf(8), FreshnessToken.None));
    }

    [Fact]
    public void After_a_save_here_every_page_reads_the_database_until_the_saves_own_announcement_arrives()
    {
        var feed = Listening();
        feed.Offer(feed.Epoch, 11, Me, 0);

        feed.Saved(501);
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.Apply($"s{ChangeStamp.SharedContentId}:14");
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.Apply("g501");
        Assert.Equal(14, feed.TryKnown(Me, null, FreshnessToken.None)!.Shared);
    }

    [Fact]
    public void A_person_whose_save_through_another_instance_is_not_announced_here_yet_reads_the_database()
    {
        var feed = Listening();
        feed.Offer(feed.Epoch, 11, Me, 0);
        var token = FreshnessToken.Parse("g777");

        Assert.Null(feed.TryKnown(Me, null, token));
        Assert.NotNull(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.Apply("g777");
        Assert.NotNull(feed.TryKnown(Me, null, token));
    }

    [Fact]
    public void Losing_the_connection_forgets_everything_kept_and_an_unreadable_announcement_does_too()
    {
        var feed = Listening();
        feed.Offer(feed.Epoch, 11, Me, 0);
        feed.SetListening(false);
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));
        feed.SetListening(true);
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));

        feed.Offer(feed.Epoch, 11, Me, 0);
        feed.Apply("something else");
        Assert.Null(feed.TryKnown(Me, null, FreshnessToken.None));
    }

    [Theory]
    [InlineData("g123", 123L)]
    [InlineData("g", null)]
    [InlineData("123", null)]
    [InlineData("g-5", null)]
    [InlineData("g12x", null)]
    [InlineData("", null)]
    public void A_freshness_cookie_is_read_only_in_its_own_shape(string value, long? save) =>
        Assert.Equal(save, FreshnessToken.Parse(value).Save);

    private static PostgresChangeFeed NewFeed() => new("Host=127.0.0.1;Database=unused", NullLogger<PostgresChangeFeed>.Instance);

    private static PostgresChangeFeed Listening()
    {
        var feed = NewFeed();
        feed.SetListening(true);
        return feed;
    }
}
