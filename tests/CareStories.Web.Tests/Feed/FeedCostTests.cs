using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Feed;

/// <summary>How many SQL commands a feed page costs; a database of its own so the story count is known.</summary>
public sealed class FeedCostTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    // The page's own commands, the bell, the change stamp its shared part is cached under (read first), and the stamps
    // its cards and filter lists are kept under (FeedCardCache): at most two more when nothing of it is cached.
    public const int MaxCommandsPerPage = 11;

    // A page already in the cache: the change stamp read with the bell in one command, nothing else.
    public const int MaxCommandsPerCachedPage = 1;

    private readonly FeedArrange _arrange = new(factory);

    [Fact]
    public async Task A_feed_page_costs_the_same_few_SQL_commands_with_5_stories_or_50()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync(TeamKind.BehindTheScenes);
        var colleague = await factory.Data.PersonAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var badge = await _arrange.BadgeAsync(BadgeColour.Green, "💚");
        var value = await factory.Data.ValueAsync();
        var start = factory.Clock.GetUtcNow().AddDays(-1);
        var made = 0;
        async Task AddStoriesAsync(int count)
        {
            for (var i = 0; i < count; i++, made++)
            {
                var n = made;
                await _arrange.PublishedAsync(
                    hero,
                    team,
                    start.AddMinutes(-n),
                    s =>
                    {
                        s.SetHeroes([hero.Id, colleague.Id]);
                        s.SetValues([value]);
                        s.AddQuote(new QuoteDetails("Thank you all.", QuoteSource.Email, DateOnly.FromDateTime(start.UtcDateTime), CustomerNaming.FullName, "Ana Lima"), start);
                    },
                    s =>
                    {
                        s.ThenCelebrate(manager.Id, badge, "Well done.", start);
                        s.ThenApplaud(leader.Id, start);
                        s.ThenComment(leader.Id, "Great.", start);
                        if (n % 20 == 1)
                        {
                            s.ThenFeature(leader.Id, start);
                        }
                    });
            }
        }

        var client = await factory.SignInAsync(hero);
        var url = $"/Feed?value={value}&kind=behind-the-scenes&period=30d";
        await AddStoriesAsync(5);
        var few = await CountCommandsAsync(client, url);
        await AddStoriesAsync(45);
        var many = await CountCommandsAsync(client, url);
        var manyPage = await client.GetDocumentAsync(url);
        var deep = await CountCommandsAsync(client, manyPage.NextHref()!);
        var cached = await CountCommandsAsync(client, url);

        Assert.Equal(3, manyPage.FeaturedIds().Count);
        Assert.Equal(20, manyPage.ListIds().Count);
        Assert.Equal(few, many);
        // The deeper page finds the filter lists in the cache, so it may cost fewer; never more.
        Assert.InRange(deep, 1, few);
        Assert.InRange(many, 1, MaxCommandsPerPage);
        Assert.InRange(cached, 1, MaxCommandsPerCachedPage);
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string url)
    {
        factory.Sql.Clear();
        await client.GetDocumentAsync(url);
        return factory.Sql.Commands.Count;
    }
}
