using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Search;

/// <summary>Search lists only what the reader may open: nothing else, not even as a result count or a page more.</summary>
public sealed class SearchVisibilityTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private sealed record World(
        string Word, ReviewTeam Team, TestPerson Hero, TestPerson OtherManager, TestPerson Admin, TestPerson Outsider,
        int Published, int Waiting, int SentBack, int Draft, int Withdrawn);

    private async Task<World> ArrangeAsync()
    {
        var word = SearchArrange.Word();
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var otherManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        await factory.Data.TeamAsync(managers: [otherManager]);
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var outsider = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var now = factory.Clock.GetUtcNow();
        var quote = new QuoteDetails($"Thank you, the {word} arrived in time.", QuoteSource.Email, DateOnly.FromDateTime(now.UtcDateTime), CustomerNaming.Anonymous, null);

        Task<int> Story(Action<Story> shape) => factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            s.AddQuote(quote, now);
            shape(s);
        });

        return new World(
            word, team, hero, otherManager, admin, outsider,
            Published: await Story(s => { s.Submit(team.Author.Id, now); s.Publish(reviewer.Id, now); }),
            Waiting: await Story(s => { s.SetHeroes([team.Author.Id, hero.Id]); s.Submit(team.Author.Id, now); }),
            SentBack: await Story(s => { s.Submit(team.Author.Id, now); s.RequestChanges(reviewer.Id, "Add the date.", now); }),
            Draft: await Story(_ => { }),
            Withdrawn: await Story(s => { s.Submit(team.Author.Id, now); s.Withdraw(team.Author.Id, now); }));
    }

    [Fact]
    public async Task Each_role_finds_only_the_stories_it_may_open_and_never_a_draft_or_a_withdrawn_one()
    {
        var w = await ArrangeAsync();
        var cases = new (TestPerson Reader, int[] Expected)[]
        {
            (w.Outsider, [w.Published]),
            (w.OtherManager, [w.Published]),
            (w.Hero, [w.Published, w.Waiting]),
            (w.Team.Author, [w.Published, w.Waiting, w.SentBack]),
            (w.Team.Manager, [w.Published, w.Waiting, w.SentBack]),
            (w.Admin, [w.Published, w.Waiting, w.SentBack]),
        };

        foreach (var (reader, expected) in cases)
        {
            var client = await factory.SignInAsync(reader);
            var found = await client.FoundAsync(SearchArrange.Q(w.Word));
            Assert.Equal(expected.Order(), found.Order());
        }
    }

    [Fact]
    public async Task A_reader_sees_no_trace_of_stories_they_may_not_open()
    {
        var w = await ArrangeAsync();
        var titles = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == w.Waiting || s.Id == w.Draft || s.Id == w.Withdrawn || s.Id == w.SentBack)
            .Select(s => s.Title).ToListAsync());
        var client = await factory.SignInAsync(w.Outsider);

        var html = await (await client.GetAsync("/Search?" + SearchArrange.Q(w.Word))).Content.ReadAsStringAsync();

        Assert.All(titles, t => Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(t), html, StringComparison.Ordinal));
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
        // No number of results anywhere on the page, so not even a count can leak.
        Assert.DoesNotMatch(@"\b\d+ (results|stories|matches)\b", html);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/Search?q=van");
        response.ShouldRedirectToSignIn();
    }
}
