using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Search;

/// <summary>Ranking, highlighting, the feed's filters and paging, and whatever people type never breaking the page.</summary>
public sealed class SearchTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private readonly FeedArrange _feed = new(factory);

    private async Task<(TestPerson Hero, int Team, HttpClient Reader)> ArrangeAsync()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        return (hero, team, reader);
    }

    private Task<int> PublishedAsync(TestPerson hero, int team, StoryContent content, Action<Story>? draft = null) =>
        _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s =>
        {
            s.Edit(content, factory.Clock.GetUtcNow());
            draft?.Invoke(s);
        });

    [Fact]
    public async Task A_word_in_the_title_ranks_above_the_same_word_deep_in_the_story()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var word = SearchArrange.Word();
        var deep = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Plain title"), prevention: $"We now keep a {word} on every van."));
        var title = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"The {word} rescue")));

        Assert.Equal([title, deep], await reader.FoundAsync(SearchArrange.Q(word)));
    }

    [Fact]
    public async Task Matching_words_are_highlighted_and_everything_typed_in_the_story_stays_text()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var word = SearchArrange.Word();
        await PublishedAsync(hero, team, SearchArrange.Content($"<b>Bold</b> & the {word} <script>alert(1)</script>"));

        var page = await reader.GetDocumentAsync("/Search?" + SearchArrange.Q(word.ToUpperInvariant()));

        var heading = page.QuerySelector(".search-results h3 a")!;
        Assert.Equal(word, Assert.Single(heading.QuerySelectorAll("mark")).TextContent);
        Assert.Contains("<script>alert(1)</script>", heading.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".search-results script, .search-results b"));
    }

    [Fact]
    public async Task A_story_is_found_by_its_customers_words_its_heroes_teams_and_values_with_the_quote_shown()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var word = SearchArrange.Word();
        var value = await factory.Data.ValueAsync();
        var id = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Quote story")), s =>
        {
            s.SetValues([value]);
            s.AddQuote(new QuoteDetails($"The {word} was fixed before lunch.", QuoteSource.Letter, new DateOnly(2026, 3, 1), CustomerNaming.FullName, "Marguerite Okonkwo"), factory.Clock.GetUtcNow());
        });
        var (valueName, teamName) = await factory.WithDbAsync(async db =>
            (await db.Values.Where(v => v.Id == value).Select(v => v.Name).SingleAsync(), await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync()));

        var page = await reader.GetDocumentAsync("/Search?" + SearchArrange.Q(word));
        Assert.Equal([id], SearchArrange.Ids(page));
        var quote = page.QuerySelector(".search-results blockquote")!;
        Assert.Equal(word, quote.QuerySelector("mark")!.TextContent);
        Assert.Contains("Marguerite Okonkwo", page.QuerySelector(".search-results figcaption")!.TextContent, StringComparison.Ordinal);

        Assert.Contains(id, await reader.FoundAsync(SearchArrange.Q("Okonkwo")));
        Assert.Contains(id, await reader.FoundAsync(SearchArrange.Q(hero.DisplayName)));
        Assert.Contains(id, await reader.FoundAsync(SearchArrange.Q($"\"{teamName}\"")));
        Assert.Contains(id, await reader.FoundAsync(SearchArrange.Q($"\"{valueName}\"")));
    }

    [Fact]
    public async Task A_customer_who_did_not_agree_to_be_named_cannot_be_found_by_name()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var surname = SearchArrange.Word("Quillfeather");
        var id = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique("Naming")), s => s.AddQuote(
            new QuoteDetails("Lovely service.", QuoteSource.Email, new DateOnly(2026, 3, 1), CustomerNaming.FirstNameOnly, $"Ottoline {surname}"),
            factory.Clock.GetUtcNow()));

        Assert.Empty(await reader.FoundAsync(SearchArrange.Q(surname)));
        Assert.Contains(id, await reader.FoundAsync(SearchArrange.Q("Ottoline")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced quote")]
    [InlineData("(((")]
    [InlineData("van)")]
    [InlineData("NEAR(van driver, 2)")]
    [InlineData("van NEAR driver")]
    [InlineData("*")]
    [InlineData("van*")]
    [InlineData("-van")]
    [InlineData("van -driver")]
    [InlineData("AND")]
    [InlineData("van OR")]
    [InlineData("NOT van")]
    [InlineData("title:van")]
    [InlineData("^van")]
    [InlineData("{title situation}: van")]
    [InlineData("'; DROP TABLE \"Stories\"; --")]
    [InlineData("\u0002van\u0003 <mark>")]
    [InlineData("🚐 ☕ é")]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Whatever_is_typed_the_search_page_answers(string query)
    {
        var (_, _, reader) = await ArrangeAsync();
        var response = await reader.GetAsync("/Search?" + SearchArrange.Q(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_very_long_query_or_a_broken_page_key_still_answers()
    {
        var (_, _, reader) = await ArrangeAsync();
        var longQuery = string.Join(' ', Enumerable.Range(0, 800).Select(i => "word" + i));
        var page = await reader.GetDocumentAsync("/Search?" + SearchArrange.Q(longQuery));
        Assert.Contains("Only the first", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Search?q=van&after=NaN_1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Search?q=van&after=x_y_z")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Search?q=van&team=abc&period=forever")).StatusCode);
    }

    [Fact]
    public async Task The_feeds_filters_narrow_the_search_and_stay_in_the_next_pages_address()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var (otherHero, otherTeam) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var ours = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            ours.Add(await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"{word} story"))));
        }

        var theirs = await PublishedAsync(otherHero, otherTeam, SearchArrange.Content(TestData.Unique($"{word} elsewhere")));

        var first = await reader.GetDocumentAsync($"/Search?{SearchArrange.Q(word)}&team={team}");
        var firstIds = SearchArrange.Ids(first);
        Assert.Equal(20, firstIds.Count);
        Assert.DoesNotContain(theirs, firstIds);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"team={team}", next, StringComparison.Ordinal);

        var second = SearchArrange.Ids(await reader.GetDocumentAsync(next));
        Assert.Equal(ours.Order(), firstIds.Concat(second).Order());
        Assert.Contains(theirs, await reader.FoundAsync(SearchArrange.Q(word)));
    }

    [Fact]
    public async Task No_results_suggest_any_of_the_words_and_dropping_the_filters()
    {
        var (hero, team, reader) = await ArrangeAsync();
        var word = SearchArrange.Word();
        var id = await PublishedAsync(hero, team, SearchArrange.Content(TestData.Unique($"{word} only")));

        var page = await reader.GetDocumentAsync($"/Search?{SearchArrange.Q(word + " " + SearchArrange.Word())}&period=7d");

        Assert.Empty(SearchArrange.Ids(page));
        var any = page.QuerySelectorAll(".search-empty a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("match=any", StringComparison.Ordinal));
        Assert.Equal([id], await reader.FoundAsync(any.Split('?', 2)[1]));
    }
}
