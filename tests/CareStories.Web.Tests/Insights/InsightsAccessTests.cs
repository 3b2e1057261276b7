namespace CareStories.Web.Tests.Insights;

/// <summary>
/// Who may read Insights, and how much: leaders and admins the whole company, a manager only their own teams (by
/// address and by CSV), an employee nothing; and the CSV says what the page says.
/// </summary>
public sealed class InsightsAccessTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private async Task<(TestPerson Manager, int Mine, int Theirs, TestPerson MyPerson, TestPerson TheirPerson)> TwoTeamsAsync()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var mine = await factory.Data.PersonAsync();
        var theirs = await factory.Data.PersonAsync();
        var myTeam = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [mine], managers: [manager]);
        var theirTeam = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [theirs]);
        return (manager, myTeam, theirTeam, mine, theirs);
    }

    [Theory]
    [InlineData("/Insights")]
    [InlineData("/Insights?handler=Csv")]
    [InlineData("/Insights/TeamRecord")]
    [InlineData("/Insights/TeamRecord?handler=Csv")]
    public async Task Employee_gets_no_insights(string url)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        await client.GetAsync(url).ShouldBeAsync(HttpStatusCode.Forbidden);
        var home = await client.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("a[href='/Insights']"));
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in()
    {
        (await factory.CreateBrowserClient().GetAsync("/Insights")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Manager_sees_only_their_own_teams_on_the_page_and_in_the_csv()
    {
        var (manager, mine, theirs, myPerson, theirPerson) = await TwoTeamsAsync();
        var names = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == mine || t.Id == theirs).ToDictionaryAsync(t => t.Id, t => t.Name));
        var client = await factory.SignInAsync(manager);

        var page = await client.GetDocumentAsync("/Insights");
        var rows = page.QuerySelectorAll("[data-table=coverage] tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal([names[mine]], rows);
        Assert.DoesNotContain(names[theirs], page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(myPerson.DisplayName, page.QuerySelector("[data-list=not-recognised]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(theirPerson.DisplayName, page.Body!.TextContent, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/Insights?handler=Csv");
        Assert.Contains(names[mine], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(names[theirs], csv, StringComparison.Ordinal);
        var record = await client.GetStringAsync("/Insights/TeamRecord?handler=Csv");
        Assert.Contains(myPerson.DisplayName, record, StringComparison.Ordinal);
        Assert.DoesNotContain(theirPerson.DisplayName, record, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Insights?team={0}")]
    [InlineData("/Insights?handler=Csv&team={0}")]
    [InlineData("/Insights/TeamRecord?team={0}")]
    [InlineData("/Insights/TeamRecord?handler=Csv&team={0}")]
    public async Task Manager_cannot_open_another_teams_figures_by_address(string url)
    {
        var (manager, _, theirs, _, _) = await TwoTeamsAsync();
        var client = await factory.SignInAsync(manager);

        await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, theirs)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, 999_999)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Leader_sees_every_team_and_the_csv_agrees_with_the_page()
    {
        var (manager, mine, theirs, myPerson, _) = await TwoTeamsAsync();
        var now = factory.Clock.GetUtcNow();
        await factory.Data.StoryAsync(myPerson, mine, s =>
        {
            s.Submit(myPerson.Id, now.AddDays(-3));
            s.Publish(manager.Id, now.AddDays(-2));
        });
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var page = await client.GetDocumentAsync("/Insights?period=30-days");
        var table = page.QuerySelectorAll("[data-table=coverage] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        var names = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == mine || t.Id == theirs).ToDictionaryAsync(t => t.Id, t => t.Name));
        Assert.Contains(names[mine], table.Keys);
        Assert.Contains(names[theirs], table.Keys);

        var csv = (await client.GetStringAsync("/Insights?handler=Csv&period=30-days")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Team,Kind of team,People,People recognised,Stories published,Celebrations", lines[0], StringComparison.Ordinal);
        Assert.Equal(table.Count, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var onPage = table[cells[0]];
            Assert.Equal(onPage[0], cells[1]);
            Assert.Equal(onPage[1], cells[2]);
            Assert.StartsWith(cells[3] + " (", onPage[2], StringComparison.Ordinal);
            Assert.Equal(onPage[3], cells[4]);
            Assert.Equal(onPage[4], cells[5]);
        }

        var mineLine = lines.Single(l => l.StartsWith(names[mine] + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["2", "1", "1"], mineLine[2..5]);
    }

    [Fact]
    public async Task Chosen_dates_that_make_no_sense_are_explained_beside_the_field_and_kept()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var response = await client.GetAsync("/Insights?period=dates&from=2026-03-01&to=2026-02-01");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
        Assert.Contains("on or before the end date", page.QuerySelector("[data-valmsg-for=From]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-01", ((IHtmlInputElement)page.QuerySelector("input[name=from]")!).Value);
        Assert.Null(page.QuerySelector("[data-table=coverage]"));
    }

    [Fact]
    public async Task Team_record_lists_each_person_with_their_period_totals_and_celebrations()
    {
        var (manager, mine, _, myPerson, _) = await TwoTeamsAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var badge = new CareStories.Domain.Catalogue.Badge(TestData.Unique("Badge"), "For the record.", CareStories.Domain.Catalogue.BadgeColour.Teal);
        await factory.WithDbAsync(async db => { db.Badges.Add(badge); await db.SaveChangesAsync(); });
        var now = factory.Clock.GetUtcNow();
        await factory.Data.StoryAsync(myPerson, mine, s =>
        {
            s.Submit(myPerson.Id, now.AddDays(-3));
            s.Publish(manager.Id, now.AddDays(-2));
            s.ThenCelebrate(leader.Id, badge, "=You made the customer's week.", now.AddDays(-1));
        });
        var client = await factory.SignInAsync(manager);

        var page = await client.GetDocumentAsync("/Insights/TeamRecord?period=30-days");
        var row = page.QuerySelector($"[data-table=team-record] tr[data-person='{myPerson.Id}']")!;
        Assert.Equal(["1", "1", "1", "0", "None"], row.QuerySelectorAll("td.text-end").Select(td => td.TextContent.Trim()));
        Assert.Contains("=You made the customer's week.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-print]"));

        var csv = await client.GetStringAsync("/Insights/TeamRecord?handler=Csv&period=30-days");
        var line = csv.Split("\r\n").Single(l => l.StartsWith(myPerson.DisplayName, StringComparison.Ordinal));
        Assert.Contains($",1,1,{badge.Name},", line, StringComparison.Ordinal);
        // A message that starts like a formula is escaped so a spreadsheet shows it instead of running it.
        Assert.DoesNotContain(",=You made", line, StringComparison.Ordinal);
        Assert.EndsWith(",1,0,", line, StringComparison.Ordinal);
    }
}
