using System.Net;
using CareStories.Data;
using CareStories.Domain.Data;
using CareStories.Domain.Paging;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Benchmark;

/// <summary>
/// One address wrk loads. Before the load it is fetched once and must answer 200, link to at least
/// <see cref="MinimumStories"/> stories, show every story in <see cref="MustShow"/> and none in
/// <see cref="MustNotShow"/>: that proves a filter or a page key was understood rather than ignored.
/// </summary>
public sealed record Target(string Key, string Name, string Path)
{
    public int MinimumStories { get; init; }

    public IReadOnlyList<int> MustShow { get; init; } = [];

    public IReadOnlyList<int> MustNotShow { get; init; } = [];

    public string? MustContain { get; init; }
}

/// <summary>Stories and keys read from the generated database that the addresses are built from.</summary>
public sealed record TargetFacts(
    int PublishedCount,
    int NewestStoryId,
    int DeepPosition,
    string DeepKey,
    int DeepFirstStoryId,
    int TeamId,
    string TeamName,
    int TeamStoryId,
    int NewestOutsideTeamId,
    int BehindTheScenesStoryId,
    int NewestCustomerFacingOnlyId,
    int StoryId,
    string StoryTitle);

/// <summary>Every address the benchmark measures, in one place: change the feed's query parameters here.</summary>
public static class Targets
{
    public const string StaticKey = "static";
    public const string FeedKey = "feed";
    public const string DeepKey = "deep";
    public const string SearchKey = "search";

    /// <summary>How far down the published stories the deep page starts.</summary>
    public const double DeepFraction = 0.8;

    /// <summary>The feed shows 20 stories a page (Pages/Feed/Index.cshtml.cs); fewer means the page is wrong.</summary>
    private const int FeedPageStories = 20;

    public static IReadOnlyList<Target> For(TargetFacts facts) =>
    [
        new(StaticKey, "Static file", "/favicon.svg") { MustContain = "<svg" },
        new(FeedKey, "Feed, first page", "/Feed") { MinimumStories = FeedPageStories, MustShow = [facts.NewestStoryId] },

        // "before" is the last story of the previous page, as "<PublishedAt UTC ticks>.<Id>" (PageKey).
        new(DeepKey, $"Feed, deep page ({DeepFraction * 100:0}% down)", $"/Feed?before={facts.DeepKey}")
        {
            MinimumStories = FeedPageStories,
            MustShow = [facts.DeepFirstStoryId],
            MustNotShow = [facts.NewestStoryId],
        },
        new("team", "Feed filtered by team", $"/Feed?team={facts.TeamId}")
        {
            MinimumStories = FeedPageStories,
            MustShow = [facts.TeamStoryId],
            MustNotShow = [facts.NewestOutsideTeamId],
        },
        new("kind", "Feed, behind-the-scenes teams", "/Feed?kind=behind-the-scenes")
        {
            MinimumStories = FeedPageStories,
            MustShow = [facts.BehindTheScenesStoryId],
            MustNotShow = [facts.NewestCustomerFacingOnlyId],
        },
        new("story", "Story page", $"/Stories/{facts.StoryId}") { MustContain = WebUtility.HtmlEncode(facts.StoryTitle) },

        // Ranked full-text search for a place name in a few hundred stories, its matches highlighted.
        new(SearchKey, "Search, a place name", $"/Search?q={SearchBench.PlaceWord}")
        {
            MinimumStories = FeedPageStories,
            MustContain = $"<mark>{SearchBench.PlaceWord}</mark>",
        },
    ];

    public static async Task<TargetFacts> ReadAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        await using var db = CareStoriesDatabase.Create(provider, connectionString);
        var published = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        var newestFirst = published.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id);

        // Featured stories are pinned on top of any page they match; the checks use the rest of the feed.
        var unfeatured = newestFirst.Where(s => !db.FeaturedStories.Any(f => f.StoryId == s.Id));
        var count = await published.CountAsync(cancellationToken);
        var newest = await unfeatured.Select(s => s.Id).FirstAsync(cancellationToken);

        // The feed's key is the last story shown; the deep page starts with the story after it.
        var position = (int)(count * DeepFraction);
        var deep = await unfeatured.Skip(position).Take(2)
            .Select(s => new { s.Id, s.PublishedAt })
            .ToListAsync(cancellationToken);
        var key = new PageKey(deep[0].PublishedAt!.Value, deep[0].Id).ToString();

        // The busiest team, a story of theirs a few down its page, and the newest story it must leave out.
        var team = await db.Teams.AsNoTracking()
            .Select(t => new { t.Id, t.Name, Stories = published.Count(s => s.Teams.Any(x => x.TeamId == t.Id)) })
            .OrderByDescending(t => t.Stories).ThenBy(t => t.Id)
            .FirstAsync(cancellationToken);
        var teamStory = await unfeatured.Where(s => s.Teams.Any(x => x.TeamId == team.Id))
            .Skip(5).Select(s => s.Id).FirstAsync(cancellationToken);
        var outsideTeam = await unfeatured.Where(s => s.Teams.All(x => x.TeamId != team.Id))
            .Select(s => s.Id).FirstAsync(cancellationToken);
        var behind = await unfeatured.Where(s => s.Teams.Any(x => x.Team.Kind == TeamKind.BehindTheScenes))
            .Skip(5).Select(s => s.Id).FirstAsync(cancellationToken);
        var customerFacingOnly = await unfeatured.Where(s => s.Teams.All(x => x.Team.Kind != TeamKind.BehindTheScenes))
            .Select(s => s.Id).FirstAsync(cancellationToken);

        // A story as rich as they come: quotes, celebrations and comments, so the page does all its reads.
        var story = await newestFirst
            .Where(s => s.Quotes.Any() && db.Celebrations.Any(c => c.StoryId == s.Id) && db.Comments.Any(c => c.StoryId == s.Id) && s.Prevention != null)
            .Select(s => new { s.Id, s.Title })
            .FirstAsync(cancellationToken);

        return new TargetFacts(
            count, newest, position, key, deep[1].Id, team.Id, team.Name, teamStory, outsideTeam, behind, customerFacingOnly, story.Id, story.Title);
    }
}
