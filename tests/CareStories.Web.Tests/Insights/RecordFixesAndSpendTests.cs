using CareStories.Domain.Fixes;
using CareStories.Web.Tests.Permission;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The team record, a person's record and its printable version count the fixes a person was credited with when
/// they were done in the period, and what the stories counted spent, per currency, never converted.
/// </summary>
public sealed class RecordFixesAndSpendTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private sealed record Arranged(TestPerson Hero, TestPerson Manager, string RecentFix, string OldFix);

    private async Task<Arranged> ArrangeAsync()
    {
        var hero = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [hero], managers: [manager]);
        await factory.LimitsAsync(100m, "EUR");
        var now = factory.Clock.GetUtcNow();
        var recent = TestData.Unique("Recent fix");
        var old = TestData.Unique("Old fix");
        await factory.WithDbAsync(async db =>
        {
            foreach (var (amount, currency, at) in new[] { (40m, "EUR", now.AddDays(-5)), (12.5m, "USD", now.AddDays(-6)), (99m, "EUR", now.AddDays(-200)) })
            {
                var story = new Story(hero.Id, new StoryContent(
                    TestData.Unique("Spend story"), DateOnly.FromDateTime(at.UtcDateTime), "A customer was stranded.", "We paid for a taxi.", null,
                    "They got home.", amount, currency, "Taxi home"), at);
                story.SetTeams([team]);
                story.SetHeroes([hero.Id]);
                story.Submit(hero.Id, at);
                story.Publish(manager.Id, at.AddHours(1));
                db.Stories.Add(story);
            }

            foreach (var (title, doneAt) in new[] { (recent, now.AddDays(-3)), (old, now.AddDays(-300)) })
            {
                var fix = Fix.Propose(title, "Change the thing that broke.", team, hero.Id, [], doneAt.AddDays(-10));
                var boss = new FixActor(manager.Id, true);
                fix.Accept(boss, hero.Id, null, DateOnly.FromDateTime(doneAt.AddDays(-9).UtcDateTime), doneAt.AddDays(-9));
                fix.MarkDone(boss, "The form asks for the postcode first.", [hero.Id], doneAt);
                db.Fixes.Add(fix);
            }

            // An open fix credits nobody yet.
            db.Fixes.Add(Fix.Propose(TestData.Unique("Open fix"), "Change another thing.", team, hero.Id, [], now.AddDays(-1)));
            await db.SaveChangesAsync();
        });
        return new Arranged(hero, manager, recent, old);
    }

    [Fact]
    public async Task Team_record_and_its_csv_count_fixes_done_and_spend_in_the_period()
    {
        var arranged = await ArrangeAsync();
        var client = await factory.SignInAsync(arranged.Manager);

        var page = await client.GetDocumentAsync("/Insights/TeamRecord?period=30-days");
        var cells = page.QuerySelector($"tr[data-person='{arranged.Hero.Id}']")!.QuerySelectorAll("td.text-end").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2", "0", "0", "1", "EUR 40.00; USD 12.50"], cells);

        var csv = await client.GetStringAsync("/Insights/TeamRecord?handler=Csv&period=30-days");
        var line = csv.Split("\r\n").Single(l => l.StartsWith(arranged.Hero.DisplayName, StringComparison.Ordinal));
        Assert.EndsWith(",1,EUR 40.00; USD 12.50", line, StringComparison.Ordinal);

        var year = await client.GetDocumentAsync("/Insights/TeamRecord?period=12-months");
        var yearCells = year.QuerySelector($"tr[data-person='{arranged.Hero.Id}']")!.QuerySelectorAll("td.text-end").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["3", "0", "0", "2", "EUR 139.00; USD 12.50"], yearCells);
    }

    [Fact]
    public async Task A_persons_record_counts_fixes_done_in_its_tiles_and_period_totals()
    {
        var arranged = await ArrangeAsync();
        var client = await factory.SignInAsync(arranged.Hero);

        var record = await client.GetDocumentAsync($"/People/{arranged.Hero.Id}?period=30-days");
        Assert.Equal("2", record.QuerySelector("[data-figure=fixes-done]")!.TextContent.Trim());
        Assert.Equal("1", record.QuerySelector("[data-figure=period-fixes-done]")!.TextContent.Trim());
        Assert.Equal("EUR 40.00; USD 12.50", record.QuerySelector("[data-figure=period-spend]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Printable_record_lists_the_fixes_done_in_the_period_and_what_the_stories_spent()
    {
        var arranged = await ArrangeAsync();
        var client = await factory.SignInAsync(arranged.Manager);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

        var print = await client.GetDocumentAsync($"/People/{arranged.Hero.Id}/Print?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var fixes = print.QuerySelector("[data-fixes-done]")!;
        Assert.Contains(arranged.RecentFix, fixes.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(arranged.OldFix, fixes.TextContent, StringComparison.Ordinal);
        Assert.Contains("The form asks for the postcode first.", fixes.TextContent, StringComparison.Ordinal);
        var summary = print.QuerySelector("#summary-heading")!.ParentElement!.TextContent;
        Assert.Contains("credited with 1 fix marked done", summary, StringComparison.Ordinal);
        Assert.Contains("Those stories spent EUR 40.00 and USD 12.50 on customers.", summary, StringComparison.Ordinal);
    }
}
