using CareStories.Web.Tests.Review;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Photos;

/// <summary>An Admin takes a photo off any story they may read, with a reason on record; everyone else is refused.</summary>
public sealed class PhotoTakedownTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    private async Task<(ReviewTeam Team, int StoryId, int PhotoId, string Key)> PublishedPhotoAsync(bool publish = true)
    {
        var team = await factory.ReviewTeamAsync();
        var storyId = await factory.Data.StoryAsync(team.Author, team.TeamId);
        var author = await factory.SignInAsync(team.Author);
        await author.UploadAsync(storyId, PhotoTestKit.Jpeg(), "Ana at her front door").ShouldBeAsync(HttpStatusCode.Redirect);
        if (publish)
        {
            await factory.WithDbAsync(async db =>
            {
                var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History).SingleAsync(s => s.Id == storyId);
                story.Submit(story.AuthorId, factory.Clock.GetUtcNow());
                story.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
                await db.SaveChangesAsync();
            });
        }

        var photo = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => new { p.Id, p.StorageKey }).SingleAsync());
        return (team, storyId, photo.Id, photo.StorageKey);
    }

    private async Task<HttpClient> AdminAsync() => await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    [Fact]
    public async Task Admin_takes_down_a_published_photo_its_files_go_and_the_reason_is_on_record()
    {
        var (team, storyId, photoId, key) = await PublishedPhotoAsync();
        var admin = await AdminAsync();
        var story = await admin.GetDocumentAsync($"/Stories/{storyId}");
        Assert.NotNull(story.QuerySelector($"#photos a[href='/Admin/Photos/{photoId}/Remove']"));
        var page = await admin.GetDocumentAsync($"/Admin/Photos/{photoId}/Remove");
        Assert.Equal($"/photos/{key}/thumb", page.QuerySelector(".takedown-photo img")!.GetAttribute("src"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Stories/{storyId}" && a.TextContent.Length > 0);

        var response = await admin.SubmitFormAsync($"/Admin/Photos/{photoId}/Remove", new() { ["Input.Reason"] = "  Shows the customer's licence plate.  " });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/Stories/{storyId}#photos", response.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));
        var record = await factory.WithDbAsync(db => db.PhotoTakedowns.AsNoTracking().SingleAsync(t => t.StoryId == storyId));
        Assert.Equal("Shows the customer's licence plate.", record.Reason);
        await admin.GetAsync($"/photos/{key}/display").ShouldBeAsync(HttpStatusCode.NotFound);
        await admin.GetAsync($"/photos/{key}/thumb").ShouldBeAsync(HttpStatusCode.NotFound);

        var after = await admin.GetDocumentAsync($"/Stories/{storyId}");
        Assert.Contains("The photo was removed", after.QuerySelector("[role=status], .alert")?.TextContent ?? after.Body!.TextContent);
        var note = after.QuerySelector("#photos [data-photo-takedowns]")!.TextContent;
        Assert.Contains("An admin removed a photo on", note);
        Assert.Contains("“Shows the customer's licence plate.”", note);

        var authorView = await (await factory.SignInAsync(team.Author)).GetDocumentAsync($"/Stories/{storyId}");
        Assert.Contains("Shows the customer's licence plate.", authorView.QuerySelector("#photos [data-photo-takedowns]")!.TextContent);
        var colleague = await factory.Data.PersonAsync();
        var colleagueView = await (await factory.SignInAsync(colleague)).GetDocumentAsync($"/Stories/{storyId}");
        Assert.DoesNotContain("licence plate", colleagueView.Body!.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_reason_is_required_and_nothing_is_removed_without_one(string reason)
    {
        var (_, storyId, photoId, key) = await PublishedPhotoAsync();
        var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync($"/Admin/Photos/{photoId}/Remove", new() { ["Input.Reason"] = reason });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Say why the photo is being removed; the reason is kept on record.", page.FieldErrors("Input.Reason"));
        Assert.NotEmpty(page.SummaryErrors());
        Assert.True(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
        Assert.Contains($"{key}-display.jpg", factory.StoredFiles());
        Assert.False(await factory.WithDbAsync(db => db.PhotoTakedowns.AnyAsync(t => t.StoryId == storyId)));
    }

    [Fact]
    public async Task Only_admins_may_take_a_photo_down()
    {
        var (team, storyId, photoId, key) = await PublishedPhotoAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);

        foreach (var person in new[] { team.Author, team.Manager, leader })
        {
            var client = await factory.SignInAsync(person);
            await client.GetAsync($"/Admin/Photos/{photoId}/Remove").ShouldBeAsync(HttpStatusCode.Forbidden);
            await client.PostWithOwnTokenAsync($"/Admin/Photos/{photoId}/Remove", new() { ["Input.Reason"] = "Because." })
                .ShouldBeAsync(HttpStatusCode.Forbidden);
            Assert.Null((await client.GetDocumentAsync($"/Stories/{storyId}")).QuerySelector("a[href*='/Admin/Photos/']"));
        }

        Assert.True(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
        Assert.Contains($"{key}-thumb.jpg", factory.StoredFiles());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (_, _, photoId, _) = await PublishedPhotoAsync();
        var admin = await AdminAsync();

        var response = await admin.PostAsync($"/Admin/Photos/{photoId}/Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Reason"] = "Forged.",
        }));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.True(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
    }

    [Fact]
    public async Task An_unknown_photo_is_not_found()
    {
        var admin = await AdminAsync();

        await admin.GetAsync("/Admin/Photos/999999/Remove").ShouldBeAsync(HttpStatusCode.NotFound);
        await admin.PostWithOwnTokenAsync("/Admin/Photos/999999/Remove", new() { ["Input.Reason"] = "Shows a face." })
            .ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_drafts_photo_is_not_found_for_an_admin_who_cannot_read_the_draft()
    {
        var (_, _, photoId, _) = await PublishedPhotoAsync(publish: false);
        var admin = await AdminAsync();

        await admin.GetAsync($"/Admin/Photos/{photoId}/Remove").ShouldBeAsync(HttpStatusCode.NotFound);
        await admin.PostWithOwnTokenAsync($"/Admin/Photos/{photoId}/Remove", new() { ["Input.Reason"] = "Shows a face." })
            .ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.True(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
    }

    [Fact]
    public async Task The_story_page_costs_the_same_SQL_commands_however_many_photos_were_taken_down()
    {
        var team = await factory.ReviewTeamAsync();
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var one = await PublishedWithTakedownsAsync(team, admin, 1);
        var four = await PublishedWithTakedownsAsync(team, admin, 4);
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        var author = await SqlCommandCounter.SignInAsync(app, team.Author);

        counter.Reset();
        var page = await author.GetDocumentAsync($"/Stories/{one}");
        var withOne = counter.Count;
        counter.Reset();
        var many = await author.GetDocumentAsync($"/Stories/{four}");
        var withFour = counter.Count;

        Assert.Single(page.QuerySelectorAll("#photos [data-photo-takedowns] li"));
        Assert.Equal(4, many.QuerySelectorAll("#photos [data-photo-takedowns] li").Length);
        Assert.Null(many.QuerySelector("#photos .photo-gallery"));
        Assert.Equal(withOne, withFour);
    }

    private async Task<int> PublishedWithTakedownsAsync(ReviewTeam team, TestPerson admin, int count)
    {
        var at = factory.Clock.GetUtcNow();
        var storyId = await factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            for (var i = 0; i < count; i++)
            {
                s.AddPhoto(new StoredPhotoFile(Guid.NewGuid().ToString("N"), "image/jpeg", 1600, 1200, 480, 360, 1000), $"Photo {i}", at);
            }

            s.Submit(team.Author.Id, at);
            s.Publish(team.Manager.Id, at);
        });
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Photos).SingleAsync(s => s.Id == storyId);
            foreach (var photo in story.Photos.ToList())
            {
                story.TakeDownPhoto(photo.Id, admin.Id, $"Shows a face ({photo.AltText}).", at);
            }

            await db.SaveChangesAsync();
        });
        return storyId;
    }
}
