namespace CareStories.Web.Tests.Photos;

/// <summary>With Photos:Store=Database the files are rows: uploaded, served, removed and deleted with the draft.</summary>
public sealed class DatabasePhotoStoreTests(DatabasePhotoFactory factory) : IClassFixture<DatabasePhotoFactory>
{
    [Fact]
    public async Task A_photo_is_stored_served_and_removed_as_database_rows()
    {
        var (client, id) = await MyDraftAsync();

        await client.UploadAsync(id, PhotoTestKit.JpegWithExif(gps: true), "Stored in the database").ShouldBeAsync(HttpStatusCode.Redirect);

        var photo = await factory.WithDbAsync(db => db.StoryPhotos.AsNoTracking().SingleAsync(p => p.StoryId == id));
        var blobs = await BlobKeysAsync(photo.StorageKey);
        Assert.Equal([$"{photo.StorageKey}/display", $"{photo.StorageKey}/thumb"], blobs);
        Assert.False(Directory.Exists(Path.Combine(factory.TempFolder, "should-stay-empty"))
            && Directory.EnumerateFiles(Path.Combine(factory.TempFolder, "should-stay-empty")).Any());

        var response = await client.GetAsync($"/photos/{photo.StorageKey}/display");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(photo.Width, PhotoTestKit.DecodedSize(bytes, out _).Width);
        Assert.False(PhotoTestKit.Contains(bytes, "Exif"));

        await client.SubmitFormAsync($"/Stories/{id}/Photos", new(), $"#photo-{photo.Id} form[action*='Remove']").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Empty(await BlobKeysAsync(photo.StorageKey));
        await client.GetAsync($"/photos/{photo.StorageKey}/display").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_draft_deletes_its_photo_rows()
    {
        var (client, id) = await MyDraftAsync();
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "First").ShouldBeAsync(HttpStatusCode.Redirect);
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "Second").ShouldBeAsync(HttpStatusCode.Redirect);
        var keys = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == id).Select(p => p.StorageKey).ToListAsync());

        await client.SubmitFormAsync($"/Stories/{id}/Delete", new()).ShouldBeAsync(HttpStatusCode.Redirect);

        foreach (var key in keys)
        {
            Assert.Empty(await BlobKeysAsync(key));
        }
    }

    private Task<List<string>> BlobKeysAsync(string key) =>
        factory.WithDbAsync(db => db.PhotoBlobs.AsNoTracking().Where(b => b.Key.StartsWith(key)).Select(b => b.Key).OrderBy(k => k).ToListAsync());

    private async Task<(HttpClient Client, int StoryId)> MyDraftAsync()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team);
        return (await factory.SignInAsync(me), id);
    }
}
