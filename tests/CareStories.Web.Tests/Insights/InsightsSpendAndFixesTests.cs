using System.Globalization;
using CareStories.Domain.Fixes;
using CareStories.Domain.Insights;
using CareStories.Domain.Permission;
using CareStories.Web.Tests.Permission;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// Spend against the limit and fixes by team, against a direct count on generated data: stories with spend in two
/// currencies on both sides of the period's edges in every status, some in two teams, under two limits; fixes in every
/// status raised, done and due around the edges. Then the page and its CSV as a manager (only their teams) and a leader.
/// </summary>
public sealed class InsightsSpendAndFixesTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Between(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);

    private sealed record World(List<(int Id, TestPerson Manager, TestPerson Member, TeamKind Kind)> Teams, TestPerson Leader);

    private static readonly StoryStatus[] Statuses =
        [StoryStatus.Published, StoryStatus.Published, StoryStatus.Submitted, StoryStatus.ChangesRequested, StoryStatus.Withdrawn, StoryStatus.Draft];

    private async Task<World> MakeAsync(int seed = 6)
    {
        var random = new Random(seed);
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var teams = new List<(int, TestPerson, TestPerson, TeamKind)>();
        foreach (var kind in new[] { TeamKind.CustomerFacing, TeamKind.BehindTheScenes, TeamKind.BehindTheScenes })
        {
            var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
            var member = await factory.Data.PersonAsync();
            teams.Add((await factory.Data.TeamAsync(kind, members: [member], managers: [manager]), manager, member, kind));
        }

        await factory.LimitsAsync(100m, "EUR", null, (teams[1].Item1, 40m));
        var now = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(async db =>
        {
            var limits = (await db.CurrentLimitsAsync())!;
            for (var n = 0; n < 50; n++)
            {
                var (teamId, manager, member, _) = teams[random.Next(3)];
                var storyTeams = random.Next(4) == 0 ? new[] { teamId, teams[(teams.FindIndex(t => t.Item1 == teamId) + 1) % 3].Item1 } : [teamId];
                var occurred = new DateOnly(2025, 11, 1).AddDays(random.Next(0, 120));
                var currency = random.Next(4) == 0 ? "USD" : "EUR";
                var amount = random.Next(1, 16000) / 100m;
                var story = new Story(member.Id, new StoryContent(
                    TestData.Unique("Spend story"), occurred, "A customer was stranded.", "We paid for a taxi.", null, "They got home.",
                    amount, currency, "Taxi home"), now.AddHours(-3));
                story.SetTeams(storyTeams);
                story.SetHeroes([member.Id]);
                var status = Statuses[random.Next(Statuses.Length)];
                if (status != StoryStatus.Draft)
                {
                    story.Submit(member.Id, now.AddHours(-3));
                    if (status == StoryStatus.Published || status == StoryStatus.Withdrawn)
                    {
                        story.Publish(manager.Id, now.AddHours(-2));
                    }

                    if (status == StoryStatus.Withdrawn)
                    {
                        story.Withdraw(member.Id, now.AddHours(-1));
                    }
                    else if (status == StoryStatus.ChangesRequested)
                    {
                        story.RequestChanges(manager.Id, "Add a quote.", now.AddHours(-2));
                    }
                }

                db.Stories.Add(story);
                var latitude = new StoryLatitude(story);
                latitude.Record(story.Spend, limits.For(storyTeams), "It was worth it.", false, null, null);
                db.StoryLatitudes.Add(latitude);
            }

            var edges = new[] { Period.Start, Period.End, Period.Start.AddDays(20), Period.End.AddDays(-1), Period.Start.AddDays(-3) };
            for (var n = 0; n < 40; n++)
            {
                var (teamId, manager, member, _) = teams[random.Next(3)];
                var raisedAt = edges[random.Next(edges.Length)].AddMinutes(random.Next(-90, 90));
                var fix = Fix.Propose(TestData.Unique("Fix"), "Change the thing that broke.", teamId, member.Id, [], raisedAt);
                var boss = new FixActor(manager.Id, true);
                var raisedOn = DateOnly.FromDateTime(raisedAt.UtcDateTime);
                switch (random.Next(5))
                {
                    case 0:
                        break;
                    case 1:
                        fix.Decline(boss, "Not ours to change.", raisedAt.AddHours(1));
                        break;
                    case 2:
                        fix.Accept(boss, member.Id, random.Next(2) == 0 ? null : raisedOn.AddDays(random.Next(0, 200)), raisedOn, raisedAt.AddHours(1));
                        break;
                    case 3:
                        fix.Accept(boss, member.Id, raisedOn.AddDays(random.Next(0, 200)), raisedOn, raisedAt.AddHours(1));
                        fix.Start(boss, raisedAt.AddHours(2));
                        break;
                    default:
                        fix.Accept(boss, member.Id, null, raisedOn, raisedAt.AddHours(1));
                        fix.MarkDone(boss, "Fixed for good.", [], edges[random.Next(edges.Length)].AddMinutes(random.Next(-90, 90)) is var done && done > raisedAt ? done : raisedAt.AddHours(3));
                        break;
                }

                db.Fixes.Add(fix);
            }

            await db.SaveChangesAsync();
        });
        return new World(teams, leader);
    }

    [Fact]
    public async Task Spend_and_fixes_by_team_match_a_direct_count()
    {
        var world = await MakeAsync();
        var teamIds = world.Teams.Select(t => t.Id).ToHashSet();
        var scopeTeams = await factory.WithDbAsync(db => db.Teams.Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync());
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var figures = await InsightsWorld.ReportAsync(factory, new InsightsScope(scopeTeams, false), Period, r => r.SpendAndFixesAsync(today, CancellationToken.None));

        var stories = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Teams).Where(s => s.Teams.Any(t => teamIds.Contains(t.TeamId))).ToListAsync());
        var latitudes = await factory.WithDbAsync(db => db.StoryLatitudes.AsNoTracking().ToDictionaryAsync(l => l.StoryId));
        var fixes = await factory.WithDbAsync(db => db.Fixes.AsNoTracking().Where(f => teamIds.Contains(f.TeamId)).ToListAsync());
        var counted = stories.Where(s => s.Status is StoryStatus.Published or StoryStatus.Submitted && s.Spend is not null
            && s.OccurredOn >= Period.From && s.OccurredOn <= Period.To).ToList();
        bool Over(Story s) => latitudes[s.Id].LimitCurrency == s.Spend!.Currency && s.Spend.Amount > latitudes[s.Id].LimitAmount;

        void Check(IReadOnlyList<Story> expected, IReadOnlyList<SpendFigures> actual)
        {
            var byCurrency = expected.GroupBy(s => s.Spend!.Currency).ToDictionary(g => g.Key);
            Assert.Equal(byCurrency.Keys.Order(), actual.Select(a => a.Currency).Order());
            foreach (var spend in actual)
            {
                var mine = byCurrency[spend.Currency].ToList();
                Assert.Equal(mine.Count, spend.Incidents);
                Assert.Equal(mine.Sum(s => s.Spend!.Amount), spend.Amount);
                Assert.Equal(mine.Count(Over), spend.OverLimit);
                var compared = mine.Where(s => latitudes[s.Id].LimitCurrency == s.Spend!.Currency).ToList();
                Assert.Equal(compared.Count == 0 ? null : compared.Sum(s => s.Spend!.Amount) / compared.Sum(s => latitudes[s.Id].LimitAmount!.Value), spend.ShareOfLimits);
            }

            if (actual.Any(a => a.Currency == "EUR"))
            {
                Assert.Equal("EUR", actual[0].Currency);
            }
        }

        Check(counted, figures.Spend);
        Assert.Equal("EUR", figures.CompanyCurrency);
        Assert.True(figures.Spend.Count == 2 && figures.Spend.Sum(s => s.OverLimit) > 0, "The generated data should spend in two currencies, some over the limit.");
        Assert.Equal(counted.Count(Over), figures.Bands.Single(b => b.Band == SpendBand.OverLimit).Incidents);
        Assert.Equal(counted.Count(s => s.Spend!.Currency == "USD"), figures.Bands.Single(b => b.Band == SpendBand.NotCompared).Incidents);
        foreach (var team in figures.Teams)
        {
            var mine = counted.Where(s => s.Teams.Any(t => t.TeamId == team.Team.Id)).ToList();
            Check(mine, team.Spend);
            Assert.Equal(mine.Count, team.Bands.Sum(b => b.Incidents));

            var owned = fixes.Where(f => f.TeamId == team.Team.Id).ToList();
            Assert.Equal(owned.Count(f => f.RaisedAt >= Period.Start && f.RaisedAt < Period.End), team.Fixes.Raised);
            Assert.Equal(owned.Count(f => f.Status == FixStatus.Done && f.DoneAt >= Period.Start && f.DoneAt < Period.End), team.Fixes.Done);
            Assert.Equal(owned.Count(f => f.Status.IsOpen()), team.Fixes.Open);
            Assert.Equal(owned.Count(f => f.IsOverdue(today)), team.Fixes.Overdue);
        }

        Assert.Equal(fixes.Count(f => f.IsOverdue(today)), figures.Fixes.Overdue);
        Assert.True(figures.Fixes.Overdue > 0 && figures.Fixes.Done > 0 && figures.Fixes.Open > figures.Fixes.Overdue, "The generated fixes should be open, overdue and done.");
    }

    [Fact]
    public async Task Manager_sees_only_their_teams_spend_and_fixes_on_the_page_and_in_the_csv()
    {
        var world = await MakeAsync(seed: 7);
        var (mine, manager, _, _) = world.Teams[0];
        var names = await factory.WithDbAsync(db => db.Teams.Where(t => world.Teams.Select(x => x.Id).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name));
        var client = await factory.SignInAsync(manager);
        const string Query = "period=dates&from=2025-11-15&to=2026-02-10";

        var page = await client.GetDocumentAsync("/Insights?" + Query);
        var spendTeams = page.QuerySelectorAll("[data-table=spend] tbody th").Select(th => th.TextContent.Trim()).Distinct().ToList();
        Assert.Equal([names[mine]], spendTeams);
        var fixRows = page.QuerySelectorAll("[data-chart-table=chart-fixes] tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal([names[mine]], fixRows);
        foreach (var name in names.Where(n => n.Key != mine).Select(n => n.Value))
        {
            Assert.DoesNotContain(name, page.Body!.TextContent, StringComparison.Ordinal);
        }

        var csv = (await client.GetStringAsync("/Insights?handler=Csv&" + Query)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(names[mine] + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains("Fixes done", lines[0], StringComparison.Ordinal);
        Assert.Contains("Spend (EUR)", lines[0], StringComparison.Ordinal);

        await client.GetAsync($"/Insights?handler=Csv&team={world.Teams[1].Id}&{Query}").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync($"/Insights?team={world.Teams[2].Id}&{Query}").ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_csv_says_what_the_page_says_for_spend_and_fixes()
    {
        var world = await MakeAsync(seed: 8);
        var client = await factory.SignInAsync(world.Leader);
        var team = world.Teams[1].Id;
        var query = $"period=dates&from=2025-11-15&to=2026-02-10&team={team}";

        var page = await client.GetDocumentAsync("/Insights?" + query);
        var fixCells = page.QuerySelectorAll("[data-chart-table=chart-fixes] tbody td").Select(td => td.TextContent.Trim()).ToList();
        var eur = page.QuerySelector($"[data-table=spend] tr[data-team='{team}'][data-currency=EUR]")?.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        var usd = page.QuerySelector($"[data-table=spend] tr[data-team='{team}'][data-currency=USD]")?.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

        Assert.True(eur is not null, "The generated data should give this team spend in euros.");
        var csv = (await client.GetStringAsync("/Insights?handler=Csv&" + query)).TrimStart('\uFEFF');
        var rows = CsvRows(csv);
        var header = rows[0];
        var row = rows[1];
        string Cell(string name) => row[header.IndexOf(name)];
        Assert.Equal(fixCells, [Cell("Fixes raised"), Cell("Fixes done"), Cell("Fixes open now"), Cell("Fixes overdue now")]);
        Assert.Equal(eur[2].Replace(",", "", StringComparison.Ordinal), Cell("Spend (EUR)"));
        Assert.Equal(int.Parse(eur[1], CultureInfo.InvariantCulture) + (usd is null ? 0 : int.Parse(usd[1], CultureInfo.InvariantCulture)), int.Parse(Cell("Spend incidents"), CultureInfo.InvariantCulture));
        Assert.Equal(usd is null ? "" : "USD " + usd[2], Cell("Spend in other currencies"));
        Assert.Contains(page.QuerySelectorAll("canvas[data-chart]"), c => c.Id == "chart-spend");
    }

    /// <summary>Splits CSV the simple way these rows need: quoted cells may hold commas.</summary>
    private static List<List<string>> CsvRows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.RegularExpressions.Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")
                .Select(m => m.Groups[1].Value.Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)).ToList())
            .ToList();
}
