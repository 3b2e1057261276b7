using CareStories.Domain.Insights;
using CareStories.Web.Pages.Insights;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The team record's stories credited and customer quotes are counted in one pass over the period's credits; each
/// person's figures must equal a direct count of the stories that credit them (a story credits several people, a
/// quote whose text was redacted does not count, a story published before the period does not either).
/// </summary>
public sealed class TeamRecordFiguresTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Stories_credited_and_their_quotes_match_a_direct_count_for_each_person()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var first = await factory.Data.PersonAsync();
        var second = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [first, second], managers: [manager]);
        var now = factory.Clock.GetUtcNow();

        void Published(Story s, DateTimeOffset at, params TestPerson[] heroes)
        {
            s.SetHeroes(heroes.Select(h => h.Id).ToList());
            s.Submit(heroes[0].Id, at.AddDays(-1));
            s.Publish(manager.Id, at);
        }

        // Three quotes, one of them redacted; credits both people: each person's credit meets two counted quotes,
        // and the story still counts once for each.
        var both = await factory.Data.StoryAsync(first, team, s =>
        {
            s.AddQuote(new QuoteDetails("Second quote.", QuoteSource.Email, DateOnly.FromDateTime(now.AddDays(-6).UtcDateTime), CustomerNaming.Anonymous, null), now);
            s.AddQuote(new QuoteDetails("Third quote.", QuoteSource.Email, DateOnly.FromDateTime(now.AddDays(-6).UtcDateTime), CustomerNaming.Anonymous, null), now);
            Published(s, now.AddDays(-5), first, second);
        });
        await factory.Data.StoryAsync(first, team, s => Published(s, now.AddDays(-3), first));
        // Before the period: counts for nobody.
        await factory.Data.StoryAsync(second, team, s => Published(s, now.AddDays(-60), second));
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Quotes).ThenInclude(q => q.Redactions).SingleAsync(s => s.Id == both);
            story.RedactQuote(story.Quotes.OrderBy(q => q.Id).First().Id, QuotePart.Text, admin.Id, "Names a customer.", now.AddDays(-4));
            await db.SaveChangesAsync();
        });
        var period = ReportingPeriod.Ending(PeriodChoice.Last30Days, now, TimeZoneInfo.Utc);
        var scope = new InsightsScope([new ScopeTeam(team, "team", TeamKind.CustomerFacing)], WholeCompany: false);

        var rows = await factory.WithDbAsync(db => TeamRecordQuery.ReadAsync(db, scope, period, CancellationToken.None));
        var stories = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Heroes).Include(s => s.Quotes)
            .Where(s => s.Status == StoryStatus.Published).ToListAsync());

        foreach (var person in new[] { first, second })
        {
            var credited = stories.Where(s => s.PublishedAt >= period.Start && s.PublishedAt < period.End && s.Heroes.Any(h => h.PersonId == person.Id)).ToList();
            var row = rows.Single(r => r.Id == person.Id);
            Assert.Equal(credited.Count, row.Stories);
            Assert.Equal(credited.Sum(s => s.Quotes.Count(q => !q.IsTextRedacted)), row.Quotes);
        }

        Assert.Equal((2, 3), (rows.Single(r => r.Id == first.Id).Stories, rows.Single(r => r.Id == first.Id).Quotes));
        Assert.Equal((1, 2), (rows.Single(r => r.Id == second.Id).Stories, rows.Single(r => r.Id == second.Id).Quotes));
    }
}
