using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;
using CareStories.Web.Tests.Review;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Thanks;

/// <summary>The manager's queue of customers' thank-yous and the decision on each, as the right and the wrong person.</summary>
public sealed class ApprovalTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string DraftForm = "form#draft-form";
    private const string AttachForm = "form#attach-form";
    private const string DiscardForm = "form#discard-form";

    [Fact]
    public async Task Queue_lists_my_teams_waiting_thanks_oldest_first_with_the_name_as_consented()
    {
        var team = await factory.ReviewTeamAsync();
        var newer = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Newer thanks", CustomerNaming.FirstNameOnly, "Rosa Diaz", factory.Clock.GetUtcNow().AddHours(-1));
        var older = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Older thanks", CustomerNaming.Anonymous, "Hidden Name", factory.Clock.GetUtcNow().AddDays(-2));
        var teamThanks = await factory.WaitingThanksForTeamAsync(team.TeamId, team.Manager, "For the team", CustomerNaming.FullName, "Rosa Diaz", factory.Clock.GetUtcNow().AddMinutes(-5));

        var page = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review/Thanks");

        var rows = page.QuerySelectorAll("[data-thanks-id]").Select(r => r.GetAttribute("data-thanks-id")).ToList();
        Assert.Equal([older.ToString(), newer.ToString(), teamThanks.ToString()], rows);
        var text = page.QuerySelector(".story-list")!.TextContent;
        Assert.Contains("Older thanks", text);
        Assert.Contains("— A customer", text);
        Assert.DoesNotContain("Hidden Name", page.Body!.TextContent);
        Assert.DoesNotContain("Diaz", page.QuerySelector($"[data-thanks-id='{newer}']")!.TextContent);
        Assert.Contains("Rosa Diaz", page.QuerySelector($"[data-thanks-id='{teamThanks}']")!.TextContent);
        Assert.Contains(team.Author.DisplayName, text);
        Assert.NotNull(page.QuerySelector($"[data-thanks-id='{older}'] local-time, [data-thanks-id='{older}'] time"));
    }

    [Fact]
    public async Task Review_index_shows_how_many_thank_yous_wait()
    {
        var team = await factory.ReviewTeamAsync();
        await factory.WaitingThanksForPersonAsync(team.Author, team.Manager);
        await factory.WaitingThanksForTeamAsync(team.TeamId, team.Manager);

        var page = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        Assert.Equal("2", page.QuerySelector("[data-thanks-waiting]")!.GetAttribute("data-thanks-waiting"));
    }

    [Fact]
    public async Task Approving_as_a_draft_gives_the_person_a_draft_with_the_quote_and_tells_them()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "You fixed my heating on a Sunday.");
        var manager = await factory.SignInAsync(team.Manager);

        var response = await manager.SubmitFormAsync($"/Review/Thanks/{id}", new() { ["Input.Title"] = "Sunday heating" }, DraftForm);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Review/Thanks", response.Headers.Location!.OriginalString);
        var thanks = await factory.ThanksAsync(id);
        Assert.Equal(ThanksStatus.Approved, thanks.Status);
        Assert.Equal("", thanks.Text);
        var storyId = thanks.StoryId!.Value;
        var story = await factory.StoryAsync(storyId);
        Assert.Equal((team.Author.Id, StoryStatus.Draft, "Sunday heating"), (story.AuthorId, story.Status, story.Title));
        var told = await factory.NotificationsAboutAsync(storyId);
        Assert.Equal([(team.Author.Id, NotificationKind.ThanksApproved, (string?)team.Manager.Id)], told);
        var queue = await manager.GetDocumentAsync("/Review/Thanks");
        Assert.Contains("Approved", queue.QuerySelector(".status-message")!.TextContent);
        Assert.Null(queue.QuerySelector($"[data-thanks-id='{id}']"));

        var author = await factory.SignInAsync(team.Author);
        var page = await author.GetDocumentAsync($"/Stories/{storyId}");
        var quote = page.QuerySelector("#quotes .quote")!.TextContent;
        Assert.Contains("You fixed my heating on a Sunday.", quote);
        Assert.Contains("Rosa", quote);
        Assert.Contains("thank-you link", quote);
        Assert.Null(page.QuerySelector("#quotes figcaption a[href*='/Quotes/']"));
        Assert.NotNull(page.QuerySelector("#quotes form[data-quote-remove]"));
        await author.GetAsync($"/Stories/{storyId}/Edit").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_author_can_submit_the_draft_but_not_change_the_customers_words()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Kind words.");
        await (await factory.SignInAsync(team.Manager)).SubmitFormAsync($"/Review/Thanks/{id}", new(), DraftForm);
        var thanks = await factory.ThanksAsync(id);
        var author = await factory.SignInAsync(team.Author);

        var edit = await author.SubmitFormAsync($"/Stories/{thanks.StoryId}/Quotes/{thanks.QuoteId}/Edit", new() { ["Input.Text"] = "Words I made up.", ["Input.Source"] = "Email" });
        var refused = await edit.ReadDocumentAsync();
        Assert.Contains(refused.SummaryErrors(), e => e.Contains("cannot be changed"));
        Assert.Equal("Kind words.", await factory.WithDbAsync(db => db.Quotes.Where(q => q.Id == thanks.QuoteId).Select(q => q.Text).SingleAsync()));

        // Filling in the draft and submitting it works like any draft.
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).SingleAsync(s => s.Id == thanks.StoryId);
            story.Edit(TestData.CompleteContent("From a thank-you"), factory.Clock.GetUtcNow());
            story.SetHeroes([team.Author.Id]);
            story.SetTeams([team.TeamId]);
            await db.SaveChangesAsync();
        });
        var submit = await author.SubmitFormAsync($"/Stories/{thanks.StoryId}", new(), "form[action*='handler=Submit']");
        await submit.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(thanks.StoryId!.Value)).Status);
    }

    [Fact]
    public async Task Approving_onto_a_story_adds_the_quote_and_tells_its_people_but_not_the_manager()
    {
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var storyId = await factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            s.SetHeroes([team.Author.Id, hero.Id]);
            s.Submit(team.Author.Id, factory.Clock.GetUtcNow());
            s.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
        });
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Thank you, truly.");
        var manager = await factory.SignInAsync(team.Manager);
        var page = await manager.GetDocumentAsync($"/Review/Thanks/{id}");
        Assert.NotNull(page.QuerySelector($"#Input_StoryId option[value='{storyId}']"));

        var response = await manager.SubmitFormAsync($"/Review/Thanks/{id}", new() { ["Input.StoryId"] = storyId.ToString() }, AttachForm);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var thanks = await factory.ThanksAsync(id);
        Assert.Equal((ThanksStatus.Approved, (int?)storyId), (thanks.Status, thanks.StoryId));
        var told = (await factory.NotificationsAboutAsync(storyId)).Where(n => n.Kind == NotificationKind.ThanksApproved).Select(n => n.RecipientId).Order();
        Assert.Equal(new[] { team.Author.Id, hero.Id }.Order(), told);
        var story = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Stories/{storyId}");
        Assert.Contains("Thank you, truly.", story.QuerySelector("#quotes")!.TextContent);
    }

    [Fact]
    public async Task Approving_onto_a_story_that_is_not_theirs_is_refused_with_a_message()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.Data.PersonAsync();
        var notTheirs = await factory.Data.StoryAsync(other, team.TeamId, s =>
        {
            s.Submit(other.Id, factory.Clock.GetUtcNow());
            s.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
        });
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager);
        var manager = await factory.SignInAsync(team.Manager);

        var response = await manager.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Attach", new() { ["Input.StoryId"] = notTheirs.ToString() });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(page.SummaryErrors(), e => e.Contains("Choose a story the person thanked"));
        Assert.Equal(ThanksStatus.Waiting, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task Manager_cannot_add_a_thank_you_to_another_teams_story_under_review_they_may_not_read()
    {
        var team = await factory.ReviewTeamAsync();
        var elsewhere = await factory.Data.PersonAsync();
        var otherTeam = await factory.Data.TeamAsync(members: [elsewhere]);
        // The thanked person is credited in a story another team's member wrote, still waiting for that team's review.
        var underReview = await factory.Data.StoryAsync(elsewhere, otherTeam, s =>
        {
            s.SetHeroes([elsewhere.Id, team.Author.Id]);
            s.Submit(elsewhere.Id, factory.Clock.GetUtcNow());
        });
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Thank you for staying late.");
        var manager = await factory.SignInAsync(team.Manager);

        var page = await manager.GetDocumentAsync($"/Review/Thanks/{id}");
        Assert.Null(page.QuerySelector($"#Input_StoryId option[value='{underReview}']"));
        var response = await manager.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Attach", new() { ["Input.StoryId"] = underReview.ToString() });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains((await response.ReadDocumentAsync()).SummaryErrors(), e => e.Contains("Choose the story"));
        Assert.Equal(ThanksStatus.Waiting, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task A_team_thanks_draft_goes_to_a_member_of_the_team_and_a_non_member_is_refused()
    {
        var team = await factory.ReviewTeamAsync();
        var outsider = await factory.Data.PersonAsync();
        var id = await factory.WaitingThanksForTeamAsync(team.TeamId, team.Manager, "Thanks, team!");
        var manager = await factory.SignInAsync(team.Manager);

        var missing = await manager.SubmitFormAsync($"/Review/Thanks/{id}", new() { ["Input.Title"] = "Kept title" }, DraftForm);
        await missing.ShouldBeAsync(HttpStatusCode.OK);
        var page = await missing.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.OwnerId"));
        Assert.NotEmpty(page.SummaryErrors());
        Assert.Equal("Kept title", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);

        var forged = await manager.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Draft", new() { ["Input.OwnerId"] = outsider.Id });
        await forged.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(ThanksStatus.Waiting, (await factory.ThanksAsync(id)).Status);

        var response = await manager.SubmitFormAsync($"/Review/Thanks/{id}", new() { ["Input.OwnerId"] = team.Author.Id }, DraftForm);
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var thanks = await factory.ThanksAsync(id);
        var story = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Teams).SingleAsync(s => s.Id == thanks.StoryId));
        Assert.Equal(team.Author.Id, story.AuthorId);
        Assert.Equal(team.TeamId, Assert.Single(story.Teams).TeamId);
    }

    [Fact]
    public async Task Discarding_erases_the_words_and_name()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Private words to erase", CustomerNaming.FullName, "Erin Secret");
        var manager = await factory.SignInAsync(team.Manager);
        Assert.NotNull((await manager.GetDocumentAsync($"/Review/Thanks/{id}")).QuerySelector($"{DiscardForm} button[data-confirm*='erased']"));

        var response = await manager.SubmitFormAsync($"/Review/Thanks/{id}", new(), DiscardForm);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var thanks = await factory.ThanksAsync(id);
        Assert.Equal((ThanksStatus.Discarded, "", (string?)null), (thanks.Status, thanks.Text, thanks.CustomerName));
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Text.Contains("Private words to erase"))));
    }

    [Fact]
    public async Task Manager_of_another_team_can_neither_see_nor_decide()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager, "Not for the other manager");
        var stranger = await factory.SignInAsync(other.Manager);

        Assert.Null((await stranger.GetDocumentAsync("/Review/Thanks")).QuerySelector($"[data-thanks-id='{id}']"));
        await stranger.GetAsync($"/Review/Thanks/{id}").ShouldBeAsync(HttpStatusCode.NotFound);
        await stranger.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Draft").ShouldBeAsync(HttpStatusCode.NotFound);
        await stranger.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Discard").ShouldBeAsync(HttpStatusCode.NotFound);

        Assert.Equal(ThanksStatus.Waiting, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task The_thanked_manager_cannot_approve_their_own_thanks()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Manager, team.Manager, "Thanks, boss");
        var manager = await factory.SignInAsync(team.Manager);

        Assert.Null((await manager.GetDocumentAsync("/Review/Thanks")).QuerySelector($"[data-thanks-id='{id}']"));
        await manager.GetAsync($"/Review/Thanks/{id}").ShouldBeAsync(HttpStatusCode.Forbidden);
        await manager.PostWithOwnTokenAsync($"/Review/Thanks/{id}?handler=Draft").ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Equal(ThanksStatus.Waiting, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task Admin_may_decide_on_any_teams_thanks()
    {
        var team = await factory.ReviewTeamAsync();
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager);
        var client = await factory.SignInAsync(admin);

        Assert.NotNull((await client.GetDocumentAsync("/Review/Thanks")).QuerySelector($"[data-thanks-id='{id}']"));
        await client.SubmitFormAsync($"/Review/Thanks/{id}", new(), DiscardForm).ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal(ThanksStatus.Discarded, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task Employee_cannot_open_the_queue()
    {
        var employee = await factory.Data.PersonAsync();

        await (await factory.SignInAsync(employee)).GetAsync("/Review/Thanks").ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deciding_twice_gives_a_friendly_message()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingThanksForPersonAsync(team.Author, team.Manager);
        var manager = await factory.SignInAsync(team.Manager);
        var page = await manager.GetDocumentAsync($"/Review/Thanks/{id}");
        await manager.SubmitFormAsync(page, $"/Review/Thanks/{id}", new(), DraftForm).ShouldBeAsync(HttpStatusCode.Redirect);

        var again = await manager.SubmitFormAsync(page, $"/Review/Thanks/{id}", new(), DiscardForm);

        await again.ShouldBeAsync(HttpStatusCode.Redirect);
        var queue = await manager.GetDocumentAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("already approved by you", queue.QuerySelector(".status-message")!.TextContent);
        Assert.Equal(ThanksStatus.Approved, (await factory.ThanksAsync(id)).Status);
    }

    [Fact]
    public async Task Queue_sends_a_constant_number_of_sql_commands()
    {
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        var team = await factory.ReviewTeamAsync();
        await factory.WaitingThanksForPersonAsync(team.Author, team.Manager);
        var client = await SqlCommandCounter.SignInAsync(app, team.Manager);

        var few = await counter.CountAsync(() => client.GetDocumentAsync("/Review/Thanks"));
        for (var i = 0; i < 5; i++)
        {
            await factory.WaitingThanksForTeamAsync(team.TeamId, team.Manager);
        }

        Assert.Equal(few, await counter.CountAsync(() => client.GetDocumentAsync("/Review/Thanks")));
    }
}
