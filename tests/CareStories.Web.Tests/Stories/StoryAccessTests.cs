namespace CareStories.Web.Tests.Stories;

/// <summary>Every story page as the right and the wrong person, by URL and by form post.</summary>
public sealed class StoryAccessTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/Stories/{0}")]
    [InlineData("/Stories/{0}/Edit")]
    [InlineData("/Stories/{0}/Delete")]
    [InlineData("/Stories/{0}/Quotes/New")]
    public async Task Another_employee_cannot_open_my_draft_by_url(string template)
    {
        var (_, draft, _) = await DraftAsync();
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await stranger.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, draft));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_employee_cannot_change_delete_or_quote_my_draft_by_form_post()
    {
        var (_, draft, title) = await DraftAsync();
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());

        var attempts = new[]
        {
            await stranger.PostWithOwnTokenAsync($"/Stories/{draft}/Edit", new() { ["Input.Title"] = "Hijacked" }),
            await stranger.PostWithOwnTokenAsync($"/Stories/{draft}/Delete"),
            await stranger.PostWithOwnTokenAsync($"/Stories/{draft}/Status?handler=Submit"),
            await stranger.PostWithOwnTokenAsync($"/Stories/{draft}/Quotes/New", new()
            {
                ["Input.Text"] = "Planted words",
                ["Input.Source"] = "Email",
                ["Input.ReceivedOn"] = "2026-01-01",
                ["Input.Naming"] = "Anonymous",
            }),
        };

        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var story = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Quotes).SingleAsync(s => s.Id == draft));
        Assert.Equal(title, story.Title);
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.DoesNotContain(story.Quotes, q => q.Text == "Planted words");
    }

    [Fact]
    public async Task Hero_can_read_a_submitted_story_but_not_change_or_withdraw_it()
    {
        var author = await factory.Data.PersonAsync();
        var hero = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author, hero]);
        var id = await factory.Data.StoryAsync(author, team, s =>
        {
            s.SetHeroes([hero.Id]);
            s.Submit(author.Id, factory.Clock.GetUtcNow());
        });
        var client = await factory.SignInAsync(hero);

        await client.GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.OK);
        await client.GetAsync($"/Stories/{id}/Edit").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"/Stories/{id}/Status?handler=Withdraw").ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Equal(StoryStatus.Submitted, await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Hero_does_not_see_a_draft_written_about_them_until_it_is_shared()
    {
        var author = await factory.Data.PersonAsync();
        var hero = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author, hero]);
        var id = await factory.Data.StoryAsync(author, team, s => s.SetHeroes([hero.Id]));
        var client = await factory.SignInAsync(hero);

        await client.GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.NotFound);
        var mine = await client.GetDocumentAsync("/Stories");
        Assert.Empty(mine.QuerySelectorAll($"a[href='/Stories/{id}']"));
    }

    [Fact]
    public async Task Manager_of_the_authors_team_reads_a_submitted_story_but_a_manager_of_another_team_does_not()
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var otherManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author], managers: [manager]);
        await factory.Data.TeamAsync(managers: [otherManager]);
        var id = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));

        await (await factory.SignInAsync(manager)).GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.OK);
        await (await factory.SignInAsync(otherManager)).GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manager_cannot_edit_a_story_from_their_team()
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author], managers: [manager]);
        var id = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(manager);

        await client.PostWithOwnTokenAsync($"/Stories/{id}/Edit", new() { ["Input.Title"] = "Rewritten by the boss" })
            .ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Any_signed_in_person_reads_a_published_story_but_not_a_withdrawn_one()
    {
        var author = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var published = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Submit(author.Id, factory.Clock.GetUtcNow());
            s.Publish(reviewer.Id, factory.Clock.GetUtcNow());
        });
        var withdrawn = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Submit(author.Id, factory.Clock.GetUtcNow());
            s.Withdraw(author.Id, factory.Clock.GetUtcNow());
        });
        var anyone = await factory.SignInAsync(await factory.Data.PersonAsync());

        await anyone.GetAsync($"/Stories/{published}").ShouldBeAsync(HttpStatusCode.OK);
        await anyone.GetAsync($"/Stories/{withdrawn}").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_reads_a_submitted_story_from_any_team()
    {
        var author = await factory.Data.PersonAsync();
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var team = await factory.Data.TeamAsync(members: [author]);
        var id = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));

        await (await factory.SignInAsync(admin)).GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_a_story_and_for_a_post()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var id = await factory.Data.StoryAsync(author, team);
        var anonymous = factory.CreateBrowserClient();

        (await anonymous.GetAsync($"/Stories/{id}")).ShouldRedirectToSignIn();
        (await anonymous.GetAsync("/Stories/New")).ShouldRedirectToSignIn();
    }

    private async Task<(TestPerson Author, int StoryId, string Title)> DraftAsync()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var id = await factory.Data.StoryAsync(author, team);
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == id).Select(s => s.Title).SingleAsync());
        return (author, id, title);
    }
}
