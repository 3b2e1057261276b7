using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Thanks;

/// <summary>The Customer voice page: approved thank-yous for my teams, newest first, named only as consented.</summary>
public sealed class VoiceTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private async Task<int> PublishedStoryOfAsync(ReviewTeam team) =>
        await factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            s.Submit(team.Author.Id, factory.Clock.GetUtcNow());
            s.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
        });

    [Fact]
    public async Task Voice_shows_only_my_teams_approved_thanks_newest_first()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var colleague = await factory.Data.PersonAsync();
        await factory.WithDbAsync(async db =>
        {
            var t = await db.Teams.Include(x => x.Memberships).SingleAsync(x => x.Id == team.TeamId);
            t.SetPeople([team.Author.Id, colleague.Id], [team.Manager.Id]);
            await db.SaveChangesAsync();
        });
        var story = await PublishedStoryOfAsync(team);
        var otherStory = await PublishedStoryOfAsync(other);
        var older = await factory.ApprovedThanksAsync(team.Author, team.Manager, story, "Older words", at: factory.Clock.GetUtcNow().AddDays(-3));
        var newer = await factory.ApprovedThanksAsync(team.Author, team.Manager, story, "Newer words", at: factory.Clock.GetUtcNow().AddDays(-1));
        var (teamThanks, _) = await factory.ApprovedAsDraftAsync(team.Author, team.Manager, "Draft words", at: factory.Clock.GetUtcNow().AddDays(-2));
        var elsewhere = await factory.ApprovedThanksAsync(other.Author, other.Manager, otherStory, "Another team's words");
        var waiting = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Still waiting words");

        var page = await (await factory.SignInAsync(colleague)).GetDocumentAsync("/Voice");

        var ids = page.QuerySelectorAll("[data-thanks-id]").Select(e => e.GetAttribute("data-thanks-id")).ToList();
        Assert.Equal([newer.ToString(), teamThanks.ToString(), older.ToString()], ids);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("Another team's words", text);
        Assert.DoesNotContain("Still waiting words", text);
        Assert.Contains("Newer words", text);
        Assert.Contains(team.Author.DisplayName, page.QuerySelector($"[data-thanks-id='{newer}']")!.TextContent);
        // The published story is linked; the draft is not.
        Assert.NotNull(page.QuerySelector($"[data-thanks-id='{newer}'] a[href='/Stories/{story}']"));
        Assert.Null(page.QuerySelector($"[data-thanks-id='{teamThanks}'] a[href^='/Stories/']"));
        Assert.Null(page.QuerySelector("a[href*='/Redact']"));
        _ = elsewhere;
        _ = waiting;
    }

    [Fact]
    public async Task A_team_thanks_shows_for_its_members_and_names_the_team()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForTeamAsync(team.TeamId, team.Manager, "Team words");
        await factory.WithDbAsync(async db =>
        {
            var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id);
            db.Stories.Add(thanks.ApproveAsDraft(team.Manager.Id, team.Author.Id, null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var page = await (await factory.SignInAsync(team.Author)).GetDocumentAsync("/Voice");

        var row = page.QuerySelector($"[data-thanks-id='{id}']")!.TextContent;
        Assert.Contains("Team words", row);
        Assert.Contains("team", row);
    }

    [Fact]
    public async Task The_customers_name_appears_only_as_consented()
    {
        var team = await factory.ReviewTeamAsync();
        var story = await PublishedStoryOfAsync(team);
        var anonymous = await factory.ApprovedThanksAsync(team.Author, team.Manager, story, "Anonymous words", CustomerNaming.Anonymous, "Zelda Hidden");
        var firstName = await factory.ApprovedThanksAsync(team.Author, team.Manager, story, "First-name words", CustomerNaming.FirstNameOnly, "Yannick Surname");

        var voice = await (await factory.SignInAsync(team.Author)).GetDocumentAsync("/Voice");
        var storyPage = await (await factory.SignInAsync(team.Author)).GetDocumentAsync($"/Stories/{story}");

        foreach (var page in new[] { voice, storyPage })
        {
            var text = page.Body!.TextContent;
            Assert.DoesNotContain("Zelda", text);
            Assert.DoesNotContain("Hidden", text);
            Assert.DoesNotContain("Surname", text);
            Assert.Contains("Yannick", text);
        }

        Assert.Contains("A customer", voice.QuerySelector($"[data-thanks-id='{anonymous}']")!.TextContent);
        Assert.Contains("Yannick", voice.QuerySelector($"[data-thanks-id='{firstName}']")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.CustomerName == "Zelda Hidden" || q.CustomerName == "Yannick Surname")));
    }

    [Fact]
    public async Task Voice_pages_newest_first()
    {
        var team = await factory.ReviewTeamAsync();
        var ids = new List<int>();
        for (var i = 0; i < 22; i++)
        {
            ids.Add((await factory.ApprovedAsDraftAsync(team.Author, team.Manager, $"Paged words {i}", at: factory.Clock.GetUtcNow().AddHours(-i))).Id);
        }

        var client = await factory.SignInAsync(team.Author);
        var first = await client.GetDocumentAsync("/Voice");
        var next = first.QuerySelector("a[href*='after=']")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        static string[] Ids(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("[data-thanks-id]").Select(e => e.GetAttribute("data-thanks-id")!).ToArray();
        Assert.Equal(ids.Take(20).Select(i => i.ToString()), Ids(first));
        Assert.Equal(ids.Skip(20).Select(i => i.ToString()), Ids(second));
        Assert.Null(second.QuerySelector("a[href*='after=']"));
    }

    [Fact]
    public async Task Leader_without_teams_sees_all_and_can_filter_by_team()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var (mine, _) = await factory.ApprovedAsDraftAsync(team.Author, team.Manager, "Leader sees this");
        var (theirs, _) = await factory.ApprovedAsDraftAsync(other.Author, other.Manager, "And this");
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var all = await leader.GetDocumentAsync("/Voice");
        Assert.NotNull(all.QuerySelector($"[data-thanks-id='{mine}']"));
        Assert.NotNull(all.QuerySelector($"[data-thanks-id='{theirs}']"));

        var filtered = await leader.GetDocumentAsync($"/Voice?team={other.TeamId}");
        Assert.Null(filtered.QuerySelector($"[data-thanks-id='{mine}']"));
        Assert.NotNull(filtered.QuerySelector($"[data-thanks-id='{theirs}']"));
    }

    [Fact]
    public async Task An_employee_cannot_filter_their_way_into_another_team()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var (theirs, _) = await factory.ApprovedAsDraftAsync(other.Author, other.Manager, "Not for outsiders");

        var page = await (await factory.SignInAsync(team.Author)).GetDocumentAsync($"/Voice?team={other.TeamId}");

        Assert.Null(page.QuerySelector($"[data-thanks-id='{theirs}']"));
    }

    [Fact]
    public async Task Someone_with_no_thanks_gets_a_friendly_empty_state()
    {
        var loner = await factory.Data.PersonAsync();

        var page = await (await factory.SignInAsync(loner)).GetDocumentAsync("/Voice");

        Assert.Contains("No thank-yous yet", page.QuerySelector(".empty-state")!.TextContent);
        Assert.NotNull(page.QuerySelector(".empty-state a[href='/Thanks']"));
    }

    [Fact]
    public async Task Voice_needs_sign_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/Voice");

        response.ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Deleting_the_draft_deletes_its_quote_and_the_thanks_leaves_the_voice_page()
    {
        var team = await factory.ReviewTeamAsync();
        var (id, storyId) = await factory.ApprovedAsDraftAsync(team.Author, team.Manager, "Words that go with the draft");
        var author = await factory.SignInAsync(team.Author);
        Assert.NotNull((await author.GetDocumentAsync("/Voice")).QuerySelector($"[data-thanks-id='{id}']"));

        var response = await author.SubmitFormAsync($"/Stories/{storyId}/Delete", new());

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var thanks = await factory.ThanksAsync(id);
        Assert.Null(thanks.QuoteId);
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Text == "Words that go with the draft")));
        Assert.Null((await author.GetDocumentAsync("/Voice")).QuerySelector($"[data-thanks-id='{id}']"));
    }

    [Fact]
    public async Task Voice_sends_a_constant_number_of_sql_commands()
    {
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        var team = await factory.ReviewTeamAsync();
        var story = await PublishedStoryOfAsync(team);
        await factory.ApprovedThanksAsync(team.Author, team.Manager, story, "One");
        var client = await SqlCommandCounter.SignInAsync(app, team.Author);

        var few = await counter.CountAsync(() => client.GetDocumentAsync("/Voice"));
        for (var i = 0; i < 5; i++)
        {
            await factory.ApprovedAsDraftAsync(team.Author, team.Manager, $"More {i}");
        }

        Assert.Equal(few, await counter.CountAsync(() => client.GetDocumentAsync("/Voice")));
    }
}
