using CareStories.Domain.Fixes;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Fixes;

/// <summary>The fixes list's filters and paging, a team's open fixes, and a story's fixes.</summary>
public sealed class FixListTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task The_list_filters_by_team_status_overdue_raised_by_me_and_owned_by_me()
    {
        var team = await factory.FixTeamAsync();
        var other = await factory.FixTeamAsync();
        var me = team.Member;
        var now = factory.Clock.GetUtcNow();
        var proposed = await factory.FixAsync(team, me);
        var overdue = await factory.FixAsync(team, other.Member, shape: (f, t) => f.Accept(t, now.AddDays(-30), DateOnly.FromDateTime(now.AddDays(-2).UtcDateTime)), at: now.AddDays(-30));
        var elsewhere = await factory.FixAsync(other, other.Member, shape: (f, t) => f.Finish(t, now));
        var client = await factory.SignInAsync(me);

        async Task<List<int>> ShownAsync(string query) =>
            [.. (await client.GetDocumentAsync("/Fixes" + query)).QuerySelectorAll("[data-fix]").Select(e => int.Parse(e.GetAttribute("data-fix")!, System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal([proposed, overdue], await ShownAsync($"?team={team.Id}"));
        Assert.Equal([elsewhere], await ShownAsync($"?team={other.Id}&status=done"));
        Assert.Equal([overdue], await ShownAsync($"?team={team.Id}&overdue=true"));
        Assert.Equal([proposed], await ShownAsync($"?team={team.Id}&mine=raised"));
        // The overdue fix was given to the team's member, who is "me" here.
        Assert.Equal([overdue], await ShownAsync("?mine=owned&status=accepted"));
        Assert.Equal([proposed, overdue], await ShownAsync($"?team={team.Id}&status=nonsense"));
        var page = await client.GetDocumentAsync($"/Fixes?team={team.Id}&overdue=true");
        Assert.Contains("Overdue", page.QuerySelector($"[data-fix='{overdue}']")!.TextContent);
    }

    [Fact]
    public async Task The_list_pages_by_key_without_repeating_or_skipping_a_fix()
    {
        var team = await factory.FixTeamAsync();
        var start = factory.Clock.GetUtcNow();
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            // Several share an instant: the id breaks the tie.
            ids.Add(await factory.FixAsync(team, team.Member, at: start.AddMinutes(-(i / 3))));
        }

        var client = await factory.SignInAsync(team.Member);
        var first = await client.GetDocumentAsync($"/Fixes?team={team.Id}");
        var next = first.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        var shown = first.QuerySelectorAll("[data-fix]").Concat(second.QuerySelectorAll("[data-fix]"))
            .Select(e => int.Parse(e.GetAttribute("data-fix")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, first.QuerySelectorAll("[data-fix]").Length);
        Assert.Equal(ids.Order(), shown.Order());
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task A_teams_page_shows_its_open_fixes_and_the_latest_done()
    {
        var team = await factory.FixTeamAsync();
        var now = factory.Clock.GetUtcNow();
        var open = await factory.FixAsync(team, team.Member);
        var done = await factory.FixAsync(team, team.Member, shape: (f, t) => f.Finish(t, now));
        var declined = await factory.FixAsync(team, team.Member, shape: (f, t) => f.Decline(new FixActor(t.Manager.Id, true), "No.", now));
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync($"/Fixes/Team/{team.Id}");

        var openList = page.QuerySelector("[aria-labelledby=open-heading]")!;
        Assert.NotNull(openList.QuerySelector($"[data-fix='{open}']"));
        Assert.Null(openList.QuerySelector($"[data-fix='{done}']"));
        Assert.Null(page.QuerySelector($"[data-fix='{declined}']"));
        Assert.NotNull(page.QuerySelector($"[aria-labelledby=done-heading] [data-fix='{done}']"));
        await client.GetAsync("/Fixes/Team/987654").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_fix_that_answers_several_stories_shows_on_each_and_a_story_can_join_an_open_fix()
    {
        var team = await factory.FixTeamAsync();
        var first = await factory.PublishedStoryAsync();
        var second = await factory.PublishedStoryAsync();
        var fix = await factory.FixAsync(team, first.Author, [first.Id]);
        var client = await factory.SignInAsync(second.Author);

        var response = await client.SubmitFormAsync($"/Fixes/New?storyId={second.Id}", new FormValues { ["JoinFixId"] = fix.Id() }, "form.fix-join-form");

        Assert.Equal($"/Fixes/{fix}", response.Headers.Location!.OriginalString);
        foreach (var story in new[] { first, second })
        {
            var page = await client.GetDocumentAsync(story.Url);
            Assert.NotNull(page.QuerySelector($"[data-story-fixes] a[href='/Fixes/{fix}']"));
        }
    }
}
