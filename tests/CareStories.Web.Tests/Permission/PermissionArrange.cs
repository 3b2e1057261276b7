using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Permission;

namespace CareStories.Web.Tests.Permission;

/// <summary>Arranges limits, rules and stories with spend straight in the database, through the domain's methods.</summary>
internal static class PermissionArrange
{
    public static Task LimitsAsync(this CareStoriesFactory factory, decimal company, string currency = "EUR", int? ruleBentValueId = null, params (int TeamId, decimal Amount)[] teams) =>
        factory.WithDbAsync(async db =>
        {
            var admin = await db.Users.Select(u => u.Id).FirstAsync();
            var limits = await db.EmpowermentLimits.SingleOrDefaultAsync() ?? db.EmpowermentLimits.Add(new EmpowermentLimits()).Entity;
            limits.SetCompanyLimit(company, currency, ruleBentValueId, admin, factory.Clock.GetUtcNow());
            foreach (var (teamId, amount) in teams)
            {
                limits.SetTeamLimit(teamId, amount, admin, factory.Clock.GetUtcNow());
            }

            await db.SaveChangesAsync();
        });

    public static Task<int> RuleBentValueAsync(this CareStoriesFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var value = new CareValue(TestData.Unique("Broke a rule"), "Bent a rule for the customer.");
            db.Values.Add(value);
            await db.SaveChangesAsync();
            return value.Id;
        });

    /// <summary>
    /// A story with spend that happened on <paramref name="occurredOn"/>, moved on to <paramref name="status"/> (by the
    /// team's manager where it needs a review), with its limit recorded as the form would.
    /// </summary>
    public static async Task<int> SpendStoryAsync(
        this CareStoriesFactory factory, TestPerson author, int teamId, TestPerson reviewer, DateOnly occurredOn, decimal amount, string currency,
        StoryStatus status = StoryStatus.Published, string purpose = "Taxi home", string? overLimitReason = null)
    {
        var at = factory.Clock.GetUtcNow().AddDays(-1);
        return await factory.WithDbAsync(async db =>
        {
            var story = new Story(author.Id, new StoryContent(
                TestData.Unique("Spend story"), occurredOn, "A customer was stranded.", "We paid for a taxi.", null, "They got home.",
                amount, currency, purpose), at);
            story.SetTeams([teamId]);
            if (status != StoryStatus.Draft)
            {
                story.Submit(author.Id, at);
                if (status == StoryStatus.Published)
                {
                    story.Publish(reviewer.Id, at);
                }
                else if (status == StoryStatus.ChangesRequested)
                {
                    story.RequestChanges(reviewer.Id, "Add a quote.", at);
                }
                else if (status == StoryStatus.Withdrawn)
                {
                    story.Withdraw(author.Id, at);
                }
            }

            db.Stories.Add(story);
            var limits = await db.CurrentLimitsAsync();
            var latitude = new StoryLatitude(story);
            latitude.Record(story.Spend, limits?.For([teamId]), overLimitReason ?? "It was worth it.", false, null, null);
            db.StoryLatitudes.Add(latitude);
            await db.SaveChangesAsync();
            db.Notifications.RemoveRange(db.Notifications.Where(n => n.StoryId == story.Id));
            await db.SaveChangesAsync();
            return story.Id;
        });
    }

    /// <summary>A waiting story that bent the named rule (the rule is named anew, or found by that name).</summary>
    public static Task<(int StoryId, int RuleId)> StoryBendingAsync(this CareStoriesFactory factory, TestPerson author, int teamId, string rule, params TestPerson[] heroes) =>
        factory.WithDbAsync(async db =>
        {
            var at = factory.Clock.GetUtcNow();
            var story = new Story(author.Id, TestData.CompleteContent(TestData.Unique("Bent story")), at);
            story.SetTeams([teamId]);
            story.SetHeroes([author.Id, .. heroes.Select(h => h.Id)]);
            story.Submit(author.Id, at);
            db.Stories.Add(story);
            var bent = await db.BentRules.FirstOrDefaultAsync(r => r.Name == rule) ?? db.BentRules.Add(BentRule.Named(rule, author.Id, at)).Entity;
            var latitude = new StoryLatitude(story);
            latitude.Record(null, null, null, true, bent, "The customer needed it.");
            db.StoryLatitudes.Add(latitude);
            await db.SaveChangesAsync();
            db.Notifications.RemoveRange(db.Notifications.Where(n => n.StoryId == story.Id));
            await db.SaveChangesAsync();
            return (story.Id, bent.Id);
        });

    public static string Csrf(this IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    public static async Task ShouldBeForbiddenAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot open this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
