namespace CareStories.Benchmark.Tests;

/// <summary>The addresses the benchmark loads, and the checks that prove each page was understood, come from the facts it read.</summary>
public sealed class TargetsTests
{
    private static readonly TargetFacts Facts = new(
        PublishedCount: 1000,
        NewestStoryId: 1001,
        DeepPosition: 800,
        DeepKey: "638000000000000000.201",
        DeepFirstStoryId: 200,
        TeamId: 7,
        TeamName: "Customer Support",
        TeamStoryId: 990,
        NewestOutsideTeamId: 1000,
        BehindTheScenesStoryId: 980,
        NewestCustomerFacingOnlyId: 999,
        StoryId: 42,
        StoryTitle: "Vans & weddings");

    [Fact]
    public void The_static_file_comes_first_and_every_address_has_its_own_key()
    {
        var targets = Targets.For(Facts);

        Assert.Equal(Targets.StaticKey, targets[0].Key);
        Assert.Equal(targets.Count, targets.Select(t => t.Key).Distinct().Count());
        Assert.All(targets, t => Assert.StartsWith("/", t.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Feed_pages_must_show_their_stories_and_leave_out_the_ones_a_filter_or_page_excludes()
    {
        var targets = Targets.For(Facts).ToDictionary(t => t.Key);

        Assert.Contains(Facts.NewestStoryId, targets[Targets.FeedKey].MustShow);
        Assert.Contains(Facts.DeepKey, targets[Targets.DeepKey].Path, StringComparison.Ordinal);
        Assert.Contains(Facts.DeepFirstStoryId, targets[Targets.DeepKey].MustShow);
        Assert.Contains(Facts.NewestStoryId, targets[Targets.DeepKey].MustNotShow);
        Assert.Contains(Facts.NewestOutsideTeamId, targets["team"].MustNotShow);
        Assert.Contains(Facts.NewestCustomerFacingOnlyId, targets["kind"].MustNotShow);
        Assert.All(targets.Values.Where(t => t.Path.StartsWith("/Feed", StringComparison.Ordinal)), t => Assert.True(t.MinimumStories > 0));
    }

    [Fact]
    public void The_story_page_must_show_the_title_as_the_page_encodes_it()
    {
        var story = Targets.For(Facts).Single(t => t.Key == "story");

        Assert.Equal($"/Stories/{Facts.StoryId}", story.Path);
        Assert.Equal("Vans &amp; weddings", story.MustContain);
    }
}
