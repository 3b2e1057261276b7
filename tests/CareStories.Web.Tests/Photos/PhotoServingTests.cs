using System.Net.Http.Headers;

namespace CareStories.Web.Tests.Photos;

/// <summary>Photo addresses answer only to those who may read the story, and never reveal that a photo exists.</summary>
public sealed class PhotoServingTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    [Fact]
    public async Task The_author_gets_the_bytes_with_headers_that_keep_the_browser_from_guessing_or_refetching()
    {
        var (author, _, id) = await DraftWithColleagueAsync();
        await author.UploadAsync(id, PhotoTestKit.Jpeg(), "The counter").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyAsync(id);

        var response = await author.GetAsync($"/photos/{key}/thumb");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private);
        Assert.Equal(TimeSpan.FromSeconds(31536000), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/photos/{key}/thumb");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await author.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_colleague_viewing_a_drafts_photo_gets_404()
    {
        var (author, colleague, id) = await DraftWithColleagueAsync();
        await author.UploadAsync(id, PhotoTestKit.Jpeg(), "Not shared yet").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyAsync(id);

        foreach (var variant in new[] { "display", "thumb" })
        {
            var response = await colleague.GetAsync($"/photos/{key}/{variant}");
            await response.ShouldBeAsync(HttpStatusCode.NotFound);
            Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_signed_out_visitor_gets_no_bytes()
    {
        var (author, _, id) = await DraftWithColleagueAsync();
        await author.UploadAsync(id, PhotoTestKit.Jpeg(), "Private").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyAsync(id);

        var response = await factory.CreateBrowserClient().GetAsync($"/photos/{key}/display");

        response.ShouldRedirectToSignIn();
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Once_published_anyone_signed_in_may_see_the_photo()
    {
        var (author, colleague, id) = await DraftWithColleagueAsync();
        await author.UploadAsync(id, PhotoTestKit.Jpeg(), "Now for everyone").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyAsync(id);
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History).SingleAsync(s => s.Id == id);
            story.Submit(story.AuthorId, factory.Clock.GetUtcNow());
            story.Publish(reviewer.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        await colleague.GetAsync($"/photos/{key}/display").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_manager_reviewing_a_submitted_story_sees_its_photos()
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author], managers: [manager]);
        var id = await factory.Data.StoryAsync(author, team);
        var client = await factory.SignInAsync(author);
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "The handover at the counter").ShouldBeAsync(HttpStatusCode.Redirect);
        await client.SubmitFormAsync($"/Stories/{id}", new(), "form[action*='handler=Submit']").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyAsync(id);
        var reviewer = await factory.SignInAsync(manager);

        var page = await reviewer.GetDocumentAsync($"/Review/Story/{id}");

        var image = page.QuerySelector($"img[src='/photos/{key}/display']")!;
        Assert.Equal("The handover at the counter", image.GetAttribute("alt"));
        Assert.Contains($"/photos/{key}/thumb", image.GetAttribute("srcset"), StringComparison.Ordinal);
        await reviewer.GetAsync($"/photos/{key}/thumb").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("../../etc/passwd", "display")]
    [InlineData("..%2F..%2Fappsettings.json", "display")]
    [InlineData("0123456789abcdef0123456789abcdef", "display")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", "thumb")]
    [InlineData("0123456789abcdef0123456789abcdef", "original")]
    public async Task Keys_and_sizes_the_app_did_not_make_are_not_found(string key, string variant)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.GetAsync($"/photos/{key}/{variant}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(HttpClient Author, HttpClient Colleague, int StoryId)> DraftWithColleagueAsync()
    {
        var me = await factory.Data.PersonAsync();
        var colleague = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me, colleague]);
        var id = await factory.Data.StoryAsync(me, team);
        return (await factory.SignInAsync(me), await factory.SignInAsync(colleague), id);
    }

    private Task<string> KeyAsync(int storyId) =>
        factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => p.StorageKey).SingleAsync());
}
