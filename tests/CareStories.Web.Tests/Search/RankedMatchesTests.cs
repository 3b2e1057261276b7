using CareStories.Domain.Data;
using CareStories.Domain.Search;
using CareStories.Web.Tests.Feed;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Search;

/// <summary>
/// A broad search ranks only the newest matches, on both databases alike: the cut-off counts every match, and the
/// reader's visibility, the ranking and the page key apply within it. The app's cut-off is
/// <see cref="SqliteStorySearch.RankedMatches"/>; here the search is built with a cut-off of three to see it.
/// </summary>
public sealed class RankedMatchesTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const int Cut = 3;
    private readonly FeedArrange _feed = new(factory);

    private Task<int> PublishedAsync(TestPerson hero, int team, StoryContent content) =>
        _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s => s.Edit(content, factory.Clock.GetUtcNow()));

    private async Task<SearchPage> SearchAsync(string word, SearchKey? after, int size)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        IStorySearch search = db.Dialect == SqlDialect.PostgreSQL ? new PostgresStorySearch(db, Cut) : new SqliteStorySearch(db, Cut);
        var reader = await factory.Data.PersonAsync();
        var request = new SearchRequest(SearchTerms.Read(word), FeedFilter.None, after, size, factory.Clock.GetUtcNow());
        return await search.SearchAsync(request, new StoryViewer(reader.Id, false, []), CancellationToken.None);
    }

    [Fact]
    public async Task Beyond_the_cut_off_only_the_newest_matches_are_ranked_and_paged()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var oldBest = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"The {word} rescue")));
        var deep = new List<int>();
        for (var i = 0; i < Cut; i++)
        {
            deep.Add(await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Plain title"), prevention: $"We now keep a {word} on every van.")));
        }

        var first = await SearchAsync(word, null, 2);
        var second = await SearchAsync(word, first.Next, 2);

        var found = first.Matches.Concat(second.Matches).Select(m => m.StoryId).ToList();
        Assert.DoesNotContain(oldBest, found);
        Assert.Equal(deep.OrderDescending(), found);
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task Below_the_cut_off_every_match_is_ranked_with_the_best_first()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var title = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"The {word} rescue")));
        var deep = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Plain title"), prevention: $"We now keep a {word} on every van."));

        var page = await SearchAsync(word, null, 20);

        Assert.Equal([title, deep], page.Matches.Select(m => m.StoryId));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task At_the_cut_off_exactly_every_match_is_ranked_with_the_best_first()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var oldBest = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"The {word} rescue")));
        var deep = new List<int>();
        for (var i = 1; i < Cut; i++)
        {
            deep.Add(await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Plain title"), prevention: $"We now keep a {word} on every van.")));
        }

        var page = await SearchAsync(word, null, 20);

        Assert.Equal([oldBest, .. deep.OrderDescending()], page.Matches.Select(m => m.StoryId));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_story_waiting_for_review_counts_toward_the_cut_off_but_is_not_shown_to_other_readers()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var published = new List<int>();
        for (var i = 0; i < Cut; i++)
        {
            published.Add(await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"The {word} rescue"))));
        }

        var waiting = await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Edit(SearchArrange.Content(TestData.Unique($"The {word} in review")), factory.Clock.GetUtcNow());
            s.Submit(hero.Id, factory.Clock.GetUtcNow());
        });

        var page = await SearchAsync(word, null, 20);

        Assert.DoesNotContain(waiting, page.Matches.Select(m => m.StoryId));
        Assert.Equal(published.Skip(1).OrderDescending(), page.Matches.Select(m => m.StoryId));
    }
}
