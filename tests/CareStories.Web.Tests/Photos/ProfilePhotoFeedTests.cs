using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Photos;

/// <summary>People's photos beside their names on the feed and the story page, at no extra SQL command per card.</summary>
public sealed class ProfilePhotoFeedTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    [Fact]
    public async Task A_feed_page_costs_the_same_SQL_commands_whether_its_heroes_have_photos_or_not()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var client = await factory.SignInAsync(hero);
        var start = factory.Clock.GetUtcNow().AddHours(-1);
        var heroes = new List<TestPerson>();
        for (var i = 0; i < 8; i++)
        {
            var colleague = await factory.Data.PersonAsync();
            heroes.Add(colleague);
            await _arrange.PublishedAsync(hero, team, start.AddSeconds(i), s => s.SetHeroes([hero.Id, colleague.Id]));
        }

        var without = await CountCommandsAsync(client, $"/Feed?team={team}");
        await factory.WithDbAsync(async db =>
        {
            foreach (var person in await db.Users.Where(p => p.Id == hero.Id || heroes.Select(h => h.Id).Contains(p.Id)).ToListAsync())
            {
                person.ReplacePhoto(Guid.NewGuid().ToString("N"));
            }

            await db.SaveChangesAsync();
        });

        var with = await CountCommandsAsync(client, $"/Feed?team={team}");
        var page = await client.GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal(16, page.QuerySelectorAll("article.feed-card .feed-heroes img.avatar").Length);
        Assert.All(page.QuerySelectorAll("article.feed-card .feed-heroes img.avatar"), img => Assert.Equal("", img.GetAttribute("alt")));
        Assert.Equal(without, with);
    }

    [Fact]
    public async Task The_story_page_shows_the_authors_and_heroes_photos_or_their_initials()
    {
        var (author, team) = await _arrange.HeroInTeamAsync();
        var colleague = await factory.Data.PersonAsync();
        var id = await _arrange.PublishedAsync(author, team, factory.Clock.GetUtcNow(), s => s.SetHeroes([author.Id, colleague.Id]));
        var key = Guid.NewGuid().ToString("N");
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(p => p.Id == author.Id)).ReplacePhoto(key);
            await db.SaveChangesAsync();
        });
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await reader.GetDocumentAsync($"/Stories/{id}");

        Assert.Contains(page.QuerySelectorAll("img.avatar"), img => img.GetAttribute("src") == $"/people/photo/{key}/thumb");
        Assert.Contains(page.QuerySelectorAll("span.avatar"), span => span.GetAttribute("data-initials") == Initials(colleague.DisplayName));
    }

    private static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 ? words[0][..1].ToUpperInvariant() : (words[0][..1] + words[^1][..1]).ToUpperInvariant();
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string url)
    {
        factory.Sql.Clear();
        await client.GetDocumentAsync(url);
        return factory.Sql.Commands.Count;
    }
}
