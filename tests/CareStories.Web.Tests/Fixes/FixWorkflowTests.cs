using CareStories.Domain.Fixes;
using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Fixes;

/// <summary>Raising a fix, deciding on it and moving it to done, each rule tried by the right and the wrong person.</summary>
public sealed class FixWorkflowTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Employee_raises_a_fix_from_a_published_story_with_its_prevention_as_starting_text_and_the_team_managers_hear()
    {
        var team = await factory.FixTeamAsync();
        var story = await factory.StoryWithPreventionAsync();
        var client = await factory.SignInAsync(story.Author);

        var form = await client.GetDocumentAsync($"/Fixes/New?storyId={story.Id}");
        Assert.Equal("Vans now get a pre-season check.", form.QuerySelector("#Input_Change")!.TextContent.Trim());

        var response = await client.SubmitFormAsync($"/Fixes/New?storyId={story.Id}", new FormValues
        {
            ["Input.Title"] = "Pre-season checks for every van",
            ["Input.TeamId"] = team.Id.Id(),
        });

        var page = await client.FollowAsync(response);
        Assert.Contains("Pre-season checks for every van", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Proposed", page.QuerySelector("[data-fix-status]")!.TextContent.Trim());
        var fixId = await factory.WithDbAsync(db => db.Fixes.Where(f => f.Title == "Pre-season checks for every van").Select(f => f.Id).SingleAsync());
        Assert.Equal([(team.Manager.Id, NotificationKind.FixProposed)], await factory.FixNewsAsync(fixId));
        Assert.True(await factory.WithDbAsync(db => db.FixStories.AnyAsync(s => s.FixId == fixId && s.StoryId == story.Id)));

        var storyPage = await client.GetDocumentAsync(story.Url);
        Assert.Contains("Pre-season checks for every van", storyPage.QuerySelector("[data-story-fixes]")!.TextContent);
    }

    [Fact]
    public async Task An_improvement_idea_with_nothing_filled_in_is_refused_beside_each_field_keeping_what_was_typed()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.SubmitFormAsync("/Fixes/New", new FormValues { ["Input.Change"] = "Print the bill in large type." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("short title", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Contains("Choose the team", page.QuerySelector("[data-valmsg-for='Input.TeamId']")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
        Assert.Equal("Print the bill in large type.", page.QuerySelector("#Input_Change")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_fix_cannot_be_raised_from_a_story_the_person_cannot_read()
    {
        var author = await factory.Data.PersonAsync();
        var draft = await factory.Data.StoryAsync(author, await factory.Data.TeamAsync(members: [author]));
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());

        await stranger.GetAsync($"/Fixes/New?storyId={draft}").ShouldBeAsync(HttpStatusCode.NotFound);
        await stranger.PostWithOwnTokenAsync($"/Fixes/New?storyId={draft}", new FormValues
        {
            ["Input.Title"] = "Sneaky",
            ["Input.Change"] = "Sneaky",
            ["Input.TeamId"] = (await factory.FixTeamAsync()).Id.Id(),
        }).ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.WithDbAsync(db => db.Fixes.AnyAsync(f => f.Title == "Sneaky")));
    }

    [Fact]
    public async Task Only_the_owning_teams_managers_accept_and_the_owner_and_raiser_hear()
    {
        var team = await factory.FixTeamAsync();
        var raiser = await factory.Data.PersonAsync();
        var fix = await factory.FixAsync(team, raiser);
        var accept = new FormValues { ["Input.OwnerId"] = team.Member.Id };

        var otherManager = await factory.SignInAsync((await factory.FixTeamAsync()).Manager);
        await otherManager.PostWithOwnTokenAsync($"/Fixes/{fix}/Decide?handler=Accept", accept).ShouldBeAsync(HttpStatusCode.Forbidden);
        var member = await factory.SignInAsync(team.Member);
        await member.PostWithOwnTokenAsync($"/Fixes/{fix}/Decide?handler=Accept", accept).ShouldBeAsync(HttpStatusCode.Forbidden);
        await member.GetAsync($"/Fixes/{fix}/Decide").ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(FixStatus.Proposed, await factory.FixStatusAsync(fix));
        Assert.Null((await member.GetDocumentAsync($"/Fixes/{fix}")).QuerySelector("form.fix-accept-form"));

        var manager = await factory.SignInAsync(team.Manager);
        var response = await manager.SubmitFormAsync($"/Fixes/{fix}", new FormValues
        {
            ["Input.OwnerId"] = team.Member.Id,
            ["Input.TargetDate"] = "2026-04-01",
        }, "form.fix-accept-form");

        var page = await manager.FollowAsync(response);
        Assert.Contains("Accepted", page.Flash());
        Assert.Contains(team.Member.DisplayName, page.QuerySelector("[data-fix-owner]")!.TextContent);
        Assert.Equal(FixStatus.Accepted, await factory.FixStatusAsync(fix));
        var news = await factory.FixNewsAsync(fix);
        Assert.Contains((raiser.Id, NotificationKind.FixAccepted), news);
        Assert.Contains((team.Member.Id, NotificationKind.FixAssigned), news);
    }

    [Fact]
    public async Task Accepting_needs_an_owner_and_a_target_date_not_in_the_past()
    {
        var team = await factory.FixTeamAsync();
        var fix = await factory.FixAsync(team, await factory.Data.PersonAsync());
        var manager = await factory.SignInAsync(team.Manager);

        var response = await manager.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.TargetDate"] = "2026-03-01" }, "form.fix-accept-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Choose who will see this fix through.", page.QuerySelector("[data-valmsg-for='Input.OwnerId']")!.TextContent);
        Assert.Contains("from today on", page.QuerySelector("[data-valmsg-for='Input.TargetDate']")!.TextContent);
        Assert.Equal("2026-03-01", page.QuerySelector<IHtmlInputElement>("#Input_TargetDate")!.Value);
        Assert.Equal(FixStatus.Proposed, await factory.FixStatusAsync(fix));
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_the_raiser_hears_why()
    {
        var team = await factory.FixTeamAsync();
        var raiser = await factory.Data.PersonAsync();
        var fix = await factory.FixAsync(team, raiser);
        var manager = await factory.SignInAsync(team.Manager);

        var refused = await manager.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.DeclineReason"] = "  " }, "form.fix-decline-form");
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Say why it is declined", page.QuerySelector("[data-valmsg-for='Input.DeclineReason']")!.TextContent);
        Assert.Equal(FixStatus.Proposed, await factory.FixStatusAsync(fix));

        var declined = await manager.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.DeclineReason"] = "The supplier is replacing these next month." }, "form.fix-decline-form");
        var shown = await manager.FollowAsync(declined);
        Assert.Equal("The supplier is replacing these next month.", shown.QuerySelector("[data-decline-reason]")!.TextContent.Trim());
        Assert.Contains((raiser.Id, NotificationKind.FixDeclined), await factory.FixNewsAsync(fix));
    }

    [Fact]
    public async Task Nobody_but_the_owner_and_the_teams_managers_moves_a_fix_along()
    {
        var team = await factory.FixTeamAsync();
        var raiser = await factory.Data.PersonAsync();
        var fix = await factory.FixAsync(team, raiser, shape: (f, t) => f.Accept(t, factory.Clock.GetUtcNow()));

        foreach (var wrong in new[] { raiser, await factory.Data.PersonAsync(Roles.Employee, Roles.Leader), (await factory.FixTeamAsync()).Manager })
        {
            var client = await factory.SignInAsync(wrong);
            await client.PostWithOwnTokenAsync($"/Fixes/{fix}/Progress?handler=Start").ShouldBeAsync(HttpStatusCode.Forbidden);
            await client.PostWithOwnTokenAsync($"/Fixes/{fix}/Progress?handler=Done", new FormValues { ["Input.WhatChanged"] = "Planted." })
                .ShouldBeAsync(HttpStatusCode.Forbidden);
            Assert.Null((await client.GetDocumentAsync($"/Fixes/{fix}")).QuerySelector("form.fix-done-form"));
        }

        Assert.Equal(FixStatus.Accepted, await factory.FixStatusAsync(fix));
        var manager = await factory.SignInAsync(team.Manager);
        var started = await manager.SubmitFormAsync($"/Fixes/{fix}", new FormValues(), "form.fix-start-form");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(FixStatus.InProgress, await factory.FixStatusAsync(fix));
    }

    [Fact]
    public async Task The_owner_marks_it_done_only_with_what_changed_and_the_stories_people_hear_and_the_owner_is_credited()
    {
        var team = await factory.FixTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var raiser = await factory.Data.PersonAsync();
        var fix = await factory.FixAsync(team, raiser, [story.Id], (f, t) => f.Accept(t, factory.Clock.GetUtcNow()));
        var owner = await factory.SignInAsync(team.Member);

        var refused = await owner.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.WhatChanged"] = "" }, "form.fix-done-form");
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Say in one line what changed", page.QuerySelector("[data-valmsg-for='Input.WhatChanged']")!.TextContent);
        Assert.Equal(FixStatus.Accepted, await factory.FixStatusAsync(fix));

        var done = await owner.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.WhatChanged"] = "Vans are checked every March." }, "form.fix-done-form");
        var shown = await owner.FollowAsync(done);
        Assert.Equal("Done", shown.QuerySelector("[data-fix-status]")!.TextContent.Trim());
        Assert.Contains(team.Member.DisplayName, shown.QuerySelector("[data-credited]")!.TextContent);
        var told = (await factory.FixNewsAsync(fix)).Where(n => n.Kind == NotificationKind.FixDone).Select(n => n.RecipientId).Order().ToList();
        Assert.Equal(new[] { story.Author.Id, hero.Id, raiser.Id }.Order(), told);
    }

    [Fact]
    public async Task Credit_cannot_go_to_someone_who_does_not_work_here()
    {
        var team = await factory.FixTeamAsync();
        var fix = await factory.FixAsync(team, team.Member, shape: (f, t) => f.Accept(t, factory.Clock.GetUtcNow()));
        var owner = await factory.SignInAsync(team.Member);

        await owner.PostWithOwnTokenAsync($"/Fixes/{fix}/Progress?handler=Done", new FormValues
        {
            ["Input.WhatChanged"] = "Done.",
            ["Input.Credited"] = "no-such-person",
        }).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(FixStatus.Accepted, await factory.FixStatusAsync(fix));
    }

    [Fact]
    public async Task A_second_manager_deciding_after_the_first_is_told_it_is_already_decided()
    {
        var team = await factory.FixTeamAsync();
        var second = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        await factory.WithDbAsync(async db =>
        {
            var t = await db.Teams.Include(x => x.Memberships).SingleAsync(x => x.Id == team.Id);
            t.SetPeople([team.Member.Id], [team.Manager.Id, second.Id]);
            await db.SaveChangesAsync();
        });
        var fix = await factory.FixAsync(team, team.Member);
        var first = await factory.SignInAsync(team.Manager);
        var late = await factory.SignInAsync(second);
        var lateForm = await late.GetDocumentAsync($"/Fixes/{fix}");

        await first.SubmitFormAsync($"/Fixes/{fix}", new FormValues { ["Input.DeclineReason"] = "Not ours." }, "form.fix-decline-form");
        var response = await late.SubmitFormAsync(lateForm, $"/Fixes/{fix}", new FormValues { ["Input.OwnerId"] = team.Member.Id }, "form.fix-accept-form");

        var page = await response.ReadDocumentAsync();
        Assert.Contains("already been declined", page.QuerySelector("[data-error-summary]")!.TextContent);
        Assert.Equal(FixStatus.Declined, await factory.FixStatusAsync(fix));
    }

    [Fact]
    public async Task An_unknown_fix_is_not_found()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());
        await client.GetAsync("/Fixes/987654").ShouldBeAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/Fixes/987654/Decide").ShouldBeAsync(HttpStatusCode.NotFound);
        (await factory.CreateBrowserClient().GetAsync("/Fixes")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task The_bell_takes_a_manager_to_the_proposed_fix()
    {
        var team = await factory.FixTeamAsync();
        var raiser = await factory.SignInAsync(await factory.Data.PersonAsync());
        await raiser.SubmitFormAsync("/Fixes/New", new FormValues { ["Input.Title"] = "Bell test fix", ["Input.Change"] = "Something.", ["Input.TeamId"] = team.Id.Id() });
        var manager = await factory.SignInAsync(team.Manager);

        var list = await manager.GetDocumentAsync("/Notifications");
        var notice = list.QuerySelectorAll(".notice").Single(n => n.TextContent.Contains("Bell test fix", StringComparison.Ordinal));
        Assert.Contains("proposed a fix for your team", notice.TextContent);
        var opened = await manager.SubmitFormAsync(list, "/Notifications", new FormValues(), $"li[data-notification='{notice.GetAttribute("data-notification")}'] form");

        Assert.Matches("^/Fixes/[0-9]+$", opened.Headers.Location!.OriginalString);
    }
}
