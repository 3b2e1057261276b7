using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Search;

/// <summary>The full-text index follows every change to what a story can be found by, in the same save.</summary>
public sealed class SearchIndexTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private readonly FeedArrange _feed = new(factory);

    private async Task<HttpClient> ReaderAsync() => await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    [Fact]
    public async Task An_edited_story_is_found_by_its_new_words_and_no_longer_by_the_old()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var (old, fresh) = (SearchArrange.Word(), SearchArrange.Word());
        var id = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Edit(SearchArrange.Content($"The {old} story"), factory.Clock.GetUtcNow());
            s.Submit(author.Id, factory.Clock.GetUtcNow());
            s.RequestChanges(reviewer.Id, "Say more.", factory.Clock.GetUtcNow());
        });
        var reader = await ReaderAsync();
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(old)));

        await factory.WithStoryAsync(id, (s, _) => s.Edit(SearchArrange.Content($"The {fresh} story"), factory.Clock.GetUtcNow()));

        Assert.Empty(await reader.FoundAsync(SearchArrange.Q(old)));
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(fresh)));
    }

    [Fact]
    public async Task Redacted_words_and_names_are_no_longer_found()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var (word, name) = (SearchArrange.Word(), SearchArrange.Word("Wigglesworth"));
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var id = await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s => s.AddQuote(
            new QuoteDetails($"The {word} saved us.", QuoteSource.Email, new DateOnly(2026, 3, 1), CustomerNaming.FullName, $"Ada {name}"),
            factory.Clock.GetUtcNow()));
        var reader = await ReaderAsync();
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(word)));
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(name)));

        await factory.WithStoryAsync(id, (s, _) =>
        {
            var quote = s.Quotes.Single(q => q.Text.Contains(word, StringComparison.Ordinal));
            s.RedactQuote(quote.Id, QuotePart.Text, admin.Id, "Personal details.", factory.Clock.GetUtcNow());
            s.RedactQuote(quote.Id, QuotePart.Attribution, admin.Id, "Personal details.", factory.Clock.GetUtcNow());
        });

        Assert.Empty(await reader.FoundAsync(SearchArrange.Q(word)));
        Assert.Empty(await reader.FoundAsync(SearchArrange.Q(name)));
    }

    [Fact]
    public async Task A_withdrawn_story_leaves_the_index_and_a_reopened_draft_stays_out()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var word = SearchArrange.Word();
        var id = await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s => s.Edit(SearchArrange.Content($"{word} story"), factory.Clock.GetUtcNow()));
        var reader = await ReaderAsync();
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(word)));

        await factory.WithStoryAsync(id, (s, _) => s.Withdraw(hero.Id, factory.Clock.GetUtcNow()));
        Assert.Empty(await reader.FoundAsync(SearchArrange.Q(word)));
        // The index's key is SQLite's rowid there and a "StoryId" column on PostgreSQL.
        var indexed = await factory.WithDbAsync(db => (TestDatabase.IsPostgres
                ? db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "StorySearch" WHERE "StoryId" = {id}""")
                : db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "StorySearch" WHERE rowid = {id}"""))
            .SingleAsync());
        Assert.Equal(0, indexed);
    }

    [Fact]
    public async Task Renaming_a_hero_a_team_or_a_value_finds_the_story_by_the_new_name()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var value = await factory.Data.ValueAsync();
        var id = await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s => s.SetValues([value]));
        var (person, teamName, valueName) = (SearchArrange.Word("Heroname"), SearchArrange.Word("Teamname"), SearchArrange.Word("Valuename"));

        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(p => p.Id == hero.Id)).Rename(person, null);
            var t = await db.Teams.SingleAsync(x => x.Id == team);
            t.Update(teamName, t.Kind, t.Description);
            var v = await db.Values.SingleAsync(x => x.Id == value);
            v.Update(valueName, v.Description);
            await db.SaveChangesAsync();
        });

        var reader = await ReaderAsync();
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(person)));
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(teamName)));
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(valueName)));
    }
}
