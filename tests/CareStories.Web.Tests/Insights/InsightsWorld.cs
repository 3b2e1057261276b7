using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// A small company made at random (one fixed seed) through the domain model: four teams of both kinds, people,
/// stories submitted, sent back, resubmitted, published, withdrawn or left waiting at times spread around the
/// period, celebrations and applause; then one person moves to another team. Its teams are the scope the tests
/// read, so what other tests in the class add does not change the figures.
/// </summary>
internal sealed record InsightsWorld(IReadOnlyList<ScopeTeam> Teams, TestPerson Mover, int MoverOldTeam, int MoverNewTeam, TestPerson Manager)
{
    public static readonly DateTimeOffset From = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<InsightsWorld> MakeAsync(CareStoriesFactory factory, int seed = 13)
    {
        var random = new Random(seed);
        var data = factory.Data;
        var leader = await data.PersonAsync(Roles.Employee, Roles.Leader);
        var reviewer = await data.PersonAsync(Roles.Employee, Roles.Admin);
        var fans = new List<TestPerson>();
        for (var i = 0; i < 4; i++)
        {
            fans.Add(await data.PersonAsync());
        }

        var kinds = new[] { TeamKind.CustomerFacing, TeamKind.CustomerFacing, TeamKind.BehindTheScenes, TeamKind.BehindTheScenes };
        var members = new List<List<TestPerson>>();
        var teamIds = new List<int>();
        TestPerson? manager = null;
        foreach (var kind in kinds)
        {
            var people = new List<TestPerson>();
            for (var i = 0; i < 4; i++)
            {
                people.Add(await data.PersonAsync());
            }

            var teamManager = await data.PersonAsync(Roles.Employee, Roles.Manager);
            manager ??= teamManager;
            members.Add(people);
            teamIds.Add(await data.TeamAsync(kind, members: people, managers: [teamManager]));
        }

        await factory.WithDbAsync(async db =>
        {
            var badges = new[] { new Badge(TestData.Unique("Badge"), "A badge.", BadgeColour.Blue), new Badge(TestData.Unique("Badge"), "Another.", BadgeColour.Teal) };
            var values = new[] { new CareValue(TestData.Unique("Value"), "A value."), new CareValue(TestData.Unique("Value"), "Another.") };
            db.Badges.AddRange(badges);
            db.Values.AddRange(values);
            await db.SaveChangesAsync();

            var stories = new List<(Story Story, DateTimeOffset PublishedAt)>();
            for (var n = 0; n < 60; n++)
            {
                var team = random.Next(4);
                var author = members[team][random.Next(4)];
                var at = From.AddHours(random.Next(0, 160 * 24));
                var story = new Story(author.Id, TestData.CompleteContent(TestData.Unique("Story")) with { OccurredOn = new DateOnly(2025, 9, 1) }, at.AddDays(-1));
                var heroes = new[] { members[team][random.Next(4)] }.Concat(random.Next(3) == 0 ? [members[random.Next(4)][random.Next(4)]] : []);
                story.SetHeroes(random.Next(3) == 0 ? [author.Id] : heroes.Select(h => h.Id).ToList());
                story.SetTeams(random.Next(4) == 0 ? [teamIds[team], teamIds[(team + 2) % 4]] : [teamIds[team]]);
                story.SetValues([values[random.Next(2)].Id]);
                story.Submit(author.Id, at);
                var wait = TimeSpan.FromMinutes(random.Next(10, 9 * 24 * 60));
                switch (random.Next(6))
                {
                    case 0:
                        break; // still waiting
                    case 1:
                        story.RequestChanges(reviewer.Id, "Say more about the outcome.", at + wait);
                        story.Submit(author.Id, at + wait + TimeSpan.FromHours(5));
                        story.Publish(reviewer.Id, at + wait + TimeSpan.FromHours(5) + wait / 3);
                        break;
                    case 2:
                        story.Publish(reviewer.Id, at + wait);
                        story.Withdraw(author.Id, at + wait + TimeSpan.FromDays(1));
                        break;
                    default:
                        story.Publish(reviewer.Id, at + wait);
                        break;
                }

                db.Stories.Add(story);
                stories.Add((story, story.PublishedAt ?? default));
            }

            await db.SaveChangesAsync();
            foreach (var (story, publishedAt) in stories.Where(s => s.Story.Status == StoryStatus.Published))
            {
                var facts = story.Facts();
                if (random.Next(2) == 0)
                {
                    db.Celebrations.Add(Celebration.Give(facts, leader.Id, badges[random.Next(2)], "Thank you!", publishedAt.AddHours(random.Next(1, 30 * 24))));
                }

                foreach (var fan in fans.Where(_ => random.Next(3) == 0))
                {
                    db.Applause.Add(Applause.Give(facts, fan.Id, publishedAt.AddHours(random.Next(1, 20 * 24))));
                }
            }

            await db.SaveChangesAsync();
        });

        // Someone credited in the first team's stories moves to a behind-the-scenes team.
        var mover = members[0][0];
        await factory.WithDbAsync(async db =>
        {
            var teams = await db.Teams.Include(t => t.Memberships).Where(t => t.Id == teamIds[0] || t.Id == teamIds[2]).ToListAsync();
            var from = teams.Single(t => t.Id == teamIds[0]);
            var to = teams.Single(t => t.Id == teamIds[2]);
            from.SetPeople(from.Memberships.Where(m => !m.IsManager && m.PersonId != mover.Id).Select(m => m.PersonId).ToList(), from.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).ToList());
            to.SetPeople(to.Memberships.Where(m => !m.IsManager).Select(m => m.PersonId).Append(mover.Id).ToList(), to.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).ToList());
            await db.SaveChangesAsync();
        });

        var scopeTeams = await factory.WithDbAsync(db => db.Teams.Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync());
        return new InsightsWorld(scopeTeams, mover, teamIds[0], teamIds[2], manager!);
    }

    public static async Task<T> ReportAsync<T>(CareStoriesFactory factory, InsightsScope scope, ReportingPeriod period, Func<InsightsReport, Task<T>> read)
    {
        await using var services = factory.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        return await read(new InsightsReport(db, scope, period));
    }
}
