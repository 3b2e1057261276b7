using CareStories.Domain.Insights;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// A review decision's wait is counted from the latest submission at or before it, in whole hours rounded down; a
/// decision with no submission recorded before it (history written out of order) has no wait and is not counted.
/// Each database reads the latest submission in its own SQL (PostgreSQL through a lateral join), so both run this.
/// </summary>
public sealed class ReviewWaitTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Each_decision_waits_from_the_latest_submission_before_it_and_one_without_any_is_not_counted()
    {
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [author], managers: [reviewer]);
        var now = factory.Clock.GetUtcNow();
        var start = now.AddDays(-20);

        // Sent back after 10 hours, resubmitted 5 hours later, published 3 hours after that: waits of 10 and 3 hours.
        await factory.Data.StoryAsync(author, team, s =>
        {
            s.SetHeroes([author.Id]);
            s.Submit(author.Id, start);
            s.RequestChanges(reviewer.Id, "Say more about the outcome.", start.AddHours(10));
            s.Submit(author.Id, start.AddHours(15));
            s.Publish(reviewer.Id, start.AddHours(18));
        });
        // Published 30 hours and 59 minutes after submission: 30 whole hours.
        await factory.Data.StoryAsync(author, team, s =>
        {
            s.SetHeroes([author.Id]);
            s.Submit(author.Id, start);
            s.Publish(reviewer.Id, start.AddHours(30).AddMinutes(59));
        });
        // Its only submission is then recorded an hour after the decision (and the decision says it answers that one):
        // no wait to count.
        var outOfOrder = await factory.Data.StoryAsync(author, team, s =>
        {
            s.SetHeroes([author.Id]);
            s.Submit(author.Id, start);
            s.Publish(reviewer.Id, start.AddHours(2));
        });
        await factory.WithDbAsync(db => db.StoryStatusChanges
            .Where(h => h.StoryId == outOfOrder && h.To == StoryStatus.Submitted)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.At, start.AddHours(3))));
        await factory.WithDbAsync(db => db.StoryStatusChanges
            .Where(h => h.StoryId == outOfOrder && h.To == StoryStatus.Published)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.SubmittedAt, start.AddHours(3))));
        var period = ReportingPeriod.Ending(PeriodChoice.Last30Days, now, TimeZoneInfo.Utc);
        var scope = new InsightsScope([new ScopeTeam(team, "team", TeamKind.BehindTheScenes)], WholeCompany: false);

        var (overall, teams) = await InsightsWorld.ReportAsync(factory, scope, period, r => r.ReviewAsync(now, 3, CancellationToken.None));

        // Waits 3, 10 and 30 hours: the median is the second, the 90th percentile the third.
        Assert.Equal(new ReviewFigures(Decisions: 3, SentBack: 1, MedianHours: 10, Percentile90Hours: 30, Overdue: 0), overall);
        Assert.Equal(overall, Assert.Single(teams).Figures);
    }
}
