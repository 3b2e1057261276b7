using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Photos;

/// <summary>A published story's first photo leads its feed card, at no extra SQL command per card.</summary>
public sealed class FeedPhotoTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    [Fact]
    public async Task The_first_photo_of_a_published_story_is_the_thumbnail_on_its_feed_card()
    {
        var (author, team) = await _arrange.HeroInTeamAsync();
        var id = await factory.Data.StoryAsync(author, team);
        var client = await factory.SignInAsync(author);
        await client.UploadAsync(id, PhotoTestKit.Jpeg(800, 600), "The first photo").ShouldBeAsync(HttpStatusCode.Redirect);
        await client.UploadAsync(id, PhotoTestKit.Jpeg(800, 600), "The second photo").ShouldBeAsync(HttpStatusCode.Redirect);
        var reviewer = await _arrange.ReviewerAsync();
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History).SingleAsync(s => s.Id == id);
            story.Submit(author.Id, factory.Clock.GetUtcNow());
            story.Publish(reviewer.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var first = await factory.WithDbAsync(db => db.StoryPhotos.AsNoTracking().Where(p => p.StoryId == id).OrderBy(p => p.Position).FirstAsync());
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        var feed = await reader.GetDocumentAsync("/Feed");

        var image = Assert.Single(feed.Card(id).QuerySelectorAll("img"));
        Assert.Equal($"/photos/{first.StorageKey}/thumb", image.GetAttribute("src"));
        Assert.Equal("The first photo", image.GetAttribute("alt"));
        Assert.Equal((first.ThumbnailWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), "lazy"), (image.GetAttribute("width"), image.GetAttribute("loading")));
        await reader.GetAsync(image.GetAttribute("src")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_feed_page_costs_the_same_SQL_commands_whether_its_cards_have_photos_or_not()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var client = await factory.SignInAsync(hero);
        var start = factory.Clock.GetUtcNow().AddHours(-1);
        for (var i = 0; i < 3; i++)
        {
            await _arrange.PublishedAsync(hero, team, start.AddMinutes(-i));
        }

        // Both counts are of a page whose cards are not cached yet, with the feed's shared lists (teams, kinds)
        // already cached by a page that shows none of these cards: only what the cards cost may differ.
        var (_, emptyTeam) = await _arrange.HeroInTeamAsync();
        await client.GetDocumentAsync($"/Feed?team={emptyTeam}");
        var without = await CountCommandsAsync(client, $"/Feed?team={team}");
        for (var i = 0; i < 20; i++)
        {
            await _arrange.PublishedAsync(hero, team, start.AddSeconds(i), s =>
            {
                for (var n = 0; n < 3; n++)
                {
                    s.AddPhoto(new StoredPhotoFile(Guid.NewGuid().ToString("N"), "image/jpeg", 1600, 1200, 480, 360, 1000), $"Photo {n}", start);
                }
            });
        }

        await client.GetDocumentAsync($"/Feed?team={emptyTeam}");
        var with = await CountCommandsAsync(client, $"/Feed?team={team}");
        var page = await client.GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal(20, page.QuerySelectorAll("article.feed-card img.feed-photo").Length);
        Assert.Equal(without, with);
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string url)
    {
        factory.Sql.Clear();
        await client.GetDocumentAsync(url);
        return factory.Sql.Commands.Count;
    }
}
