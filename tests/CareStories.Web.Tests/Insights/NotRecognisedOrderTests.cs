namespace CareStories.Web.Tests.Insights;

/// <summary>The "who could you recognise?" list is in the order the page says: whoever has waited longest first.</summary>
public sealed class NotRecognisedOrderTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Not_recognised_list_puts_whoever_has_waited_longest_first_as_the_page_says()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var people = new List<TestPerson>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await factory.Data.PersonAsync());
        }

        // Names in alphabetical order get the reverse of the order the list must show, so a list sorted by name fails.
        people = [.. people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)];
        var (recent, longAgo, longestAgo, never) = (people[0], people[1], people[2], people[3]);
        var team = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: people, managers: [manager]);
        var now = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(async db =>
        {
            foreach (var (hero, days) in new[] { (recent, 100), (longAgo, 150), (longestAgo, 250) })
            {
                var at = now.AddDays(-days - 1);
                var story = new Story(hero.Id, TestData.CompleteContent(TestData.Unique("Old story")) with { OccurredOn = DateOnly.FromDateTime(at.UtcDateTime) }, at);
                story.SetTeams([team]);
                story.SetHeroes([hero.Id]);
                story.Submit(hero.Id, at);
                story.Publish(manager.Id, now.AddDays(-days));
                db.Stories.Add(story);
            }

            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(manager);

        var page = await client.GetDocumentAsync($"/Insights?team={team}");
        var invitation = page.QuerySelector("#not-recognised")!;
        Assert.Contains("whoever has waited longest first", invitation.TextContent, StringComparison.Ordinal);
        var shown = invitation.QuerySelectorAll("[data-list=not-recognised] li a").Select(a => a.TextContent.Trim())
            .Where(name => people.Any(p => p.DisplayName == name)).ToList();
        Assert.Equal([never.DisplayName, longestAgo.DisplayName, longAgo.DisplayName, recent.DisplayName], shown);
        var dates = invitation.QuerySelectorAll("[data-list=not-recognised] li")
            .Where(li => li.QuerySelector("a")!.TextContent.Trim() == never.DisplayName)
            .Select(li => li.TextContent).Single();
        Assert.Contains("not recognised yet", dates, StringComparison.Ordinal);
    }
}
