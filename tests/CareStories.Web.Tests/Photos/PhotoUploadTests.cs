using System.Text;
using SkiaSharp;

namespace CareStories.Web.Tests.Photos;

/// <summary>The upload abuse set: each file is refused with a plain message, or made safe by re-encoding.</summary>
public sealed class PhotoUploadTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    private const string NotAPicture = "This file is not a JPEG, PNG or WebP picture.";

    [Fact]
    public async Task A_jpeg_is_stored_as_a_display_size_and_a_thumbnail_and_shown_on_the_story()
    {
        var (client, id) = await MyDraftAsync();

        var response = await client.UploadAsync(id, PhotoTestKit.Jpeg(3000, 2000), "Ana handing the repaired bike back");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var photo = await factory.WithDbAsync(db => db.StoryPhotos.AsNoTracking().SingleAsync(p => p.StoryId == id));
        Assert.Equal((1600, 1067, 480, 320), (photo.Width, photo.Height, photo.ThumbnailWidth, photo.ThumbnailHeight));
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Matches("^[0-9a-f]{32}$", photo.StorageKey);
        Assert.Contains($"{photo.StorageKey}-display.jpg", factory.StoredFiles());
        Assert.Contains($"{photo.StorageKey}-thumb.jpg", factory.StoredFiles());

        var page = await client.GetDocumentAsync($"/Stories/{id}");
        var image = page.QuerySelector("#photos img")!;
        Assert.Equal("Ana handing the repaired bike back", image.GetAttribute("alt"));
        Assert.Equal($"/photos/{photo.StorageKey}/display", image.GetAttribute("src"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal(("1600", "1067"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Contains($"/photos/{photo.StorageKey}/thumb 480w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains("Photos (1 of 6)", page.QuerySelector(".page-head .actions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_with_a_script_is_refused()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>");

        await AssertRefusedAsync(svg, "drawing.svg", "image/svg+xml", NotAPicture);
    }

    [Fact]
    public async Task An_html_file_named_jpg_and_declared_as_jpeg_is_refused()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>");

        await AssertRefusedAsync(html, "holiday.jpg", "image/jpeg", NotAPicture);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await AssertRefusedAsync([], "empty.jpg", "image/jpeg", "This file is empty.");
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_with_a_friendly_message()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        PhotoTestKit.Jpeg().CopyTo(big, 0);

        await AssertRefusedAsync(big, "huge.jpg", "image/jpeg", "This photo is larger than 10 MB.");
    }

    [Fact]
    public async Task A_file_far_over_the_request_limit_gets_the_friendly_message_not_an_error()
    {
        var (client, id) = await MyDraftAsync();
        var huge = new byte[15 * 1024 * 1024];

        var response = await client.UploadAsync(id, huge, "Far too big");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/Stories/{id}/Photos", response.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync($"/Stories/{id}/Photos");
        Assert.StartsWith("This photo is larger than 10 MB.", Assert.Single(page.FieldErrors("Upload.Photo")), StringComparison.Ordinal);
        Assert.NotEmpty(page.SummaryErrors());
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == id)));
    }

    [Fact]
    public async Task A_jpeg_with_html_appended_is_accepted_and_stored_without_it()
    {
        var (client, id) = await MyDraftAsync();
        byte[] polyglot = [.. PhotoTestKit.Jpeg(), .. Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")];

        await client.UploadAsync(id, polyglot, "A picture with a tail").ShouldBeAsync(HttpStatusCode.Redirect);

        var key = await KeyOfOnlyPhotoAsync(id);
        foreach (var variant in new[] { "display", "thumb" })
        {
            var response = await client.GetAsync($"/photos/{key}/{variant}");
            await response.ShouldBeAsync(HttpStatusCode.OK);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(PhotoTestKit.Contains(bytes, "<script"), $"The {variant} still carries the script.");
            PhotoTestKit.DecodedSize(bytes, out var format);
            Assert.Equal(SKEncodedImageFormat.Jpeg, format);
        }
    }

    [Fact]
    public async Task Exif_and_gps_metadata_are_not_kept()
    {
        var (client, id) = await MyDraftAsync();
        var upload = PhotoTestKit.JpegWithExif(gps: true);
        Assert.True(PhotoTestKit.Contains(upload, PhotoTestKit.LatitudeBytes));

        await client.UploadAsync(id, upload, "The shop front").ShouldBeAsync(HttpStatusCode.Redirect);

        var key = await KeyOfOnlyPhotoAsync(id);
        foreach (var variant in new[] { "display", "thumb" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(factory.PhotoFolder, $"{key}-{variant}.jpg"));
            Assert.False(PhotoTestKit.Contains(bytes, "Exif"), $"The {variant} still carries Exif.");
            Assert.False(PhotoTestKit.Contains(bytes, PhotoTestKit.LatitudeBytes), $"The {variant} still carries the latitude.");
        }
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_stored_upright()
    {
        var (client, id) = await MyDraftAsync();
        // Stored 400 × 300, red on the left; orientation 6 says "turn 90° clockwise to view": 300 × 400, red on top.
        await client.UploadAsync(id, PhotoTestKit.JpegWithExif(orientation: 6, gps: false), "A sideways photo").ShouldBeAsync(HttpStatusCode.Redirect);

        var photo = await factory.WithDbAsync(db => db.StoryPhotos.AsNoTracking().SingleAsync(p => p.StoryId == id));
        Assert.Equal((300, 400), (photo.Width, photo.Height));
        using var bitmap = SKBitmap.Decode(Path.Combine(factory.PhotoFolder, $"{photo.StorageKey}-display.jpg"));
        var top = bitmap.GetPixel(150, 50);
        var bottom = bitmap.GetPixel(150, 350);
        Assert.True(top.Red > 200 && top.Blue < 60, $"Top is {top}");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"Bottom is {bottom}");
    }

    [Fact]
    public async Task A_transparent_png_is_flattened_onto_white()
    {
        var (client, id) = await MyDraftAsync();
        using var bitmap = new SKBitmap(new SKImageInfo(200, 100, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);

        await client.UploadAsync(id, png.ToArray(), "A logo on nothing", "logo.png", "image/png").ShouldBeAsync(HttpStatusCode.Redirect);

        var key = await KeyOfOnlyPhotoAsync(id);
        using var stored = SKBitmap.Decode(Path.Combine(factory.PhotoFolder, $"{key}-display.jpg"));
        var pixel = stored.GetPixel(100, 50);
        Assert.True(pixel.Red > 240 && pixel.Green > 240 && pixel.Blue > 240, $"The background is {pixel}, not white.");
    }

    [Fact]
    public async Task A_seventh_photo_is_refused()
    {
        var (client, id) = await MyDraftAsync();
        for (var i = 1; i <= Story.MaxPhotos; i++)
        {
            await client.UploadAsync(id, PhotoTestKit.Jpeg(60, 40), $"Photo {i}").ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var page = await client.GetDocumentAsync($"/Stories/{id}/Photos");
        Assert.Contains("6 of 6 photos used", page.QuerySelector("[data-photo-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[enctype='multipart/form-data']"));

        var token = await client.OwnTokenAsync();
        var response = await client.PostUploadAsync($"/Stories/{id}/Photos?handler=Upload", token, PhotoTestKit.Jpeg(60, 40), "Photo 7");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var document = await response.ReadDocumentAsync();
        Assert.Contains(document.SummaryErrors(), e => e.Contains("at most 6 photos", StringComparison.Ordinal));
        Assert.Equal(Story.MaxPhotos, await factory.WithDbAsync(db => db.StoryPhotos.CountAsync(p => p.StoryId == id)));
        var keys = await KeysOf(id);
        Assert.Equal(2 * Story.MaxPhotos, factory.StoredFiles().Count(f => keys.Exists(k => f.StartsWith(k, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Missing_alt_text_keeps_the_form_and_stores_nothing()
    {
        var (client, id) = await MyDraftAsync();
        var before = factory.StoredFiles().Count;

        var response = await client.UploadAsync(id, PhotoTestKit.Jpeg(), "   ");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Describe the photo", Assert.Single(document.FieldErrors("Upload.AltText")), StringComparison.Ordinal);
        Assert.NotEmpty(document.SummaryErrors());
        Assert.NotNull(document.QuerySelector("form[enctype='multipart/form-data']"));
        Assert.Equal(before, factory.StoredFiles().Count);
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == id)));
    }

    [Fact]
    public async Task A_refused_file_keeps_the_alt_text_typed()
    {
        var (client, id) = await MyDraftAsync();

        var response = await client.UploadAsync(id, Encoding.UTF8.GetBytes("not a picture"), "The team at the stand", "team.png", "image/png");

        var document = await response.ReadDocumentAsync();
        Assert.Equal("The team at the stand", document.QuerySelector("#Upload_AltText")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_author_corrects_a_description_and_a_blank_one_is_refused_next_to_that_photo()
    {
        var (client, id) = await MyDraftAsync();
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "Frist try").ShouldBeAsync(HttpStatusCode.Redirect);
        var photoId = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == id).Select(p => p.Id).SingleAsync());

        await client.SubmitFormAsync($"/Stories/{id}/Photos", new() { ["Describe.AltText"] = "First try" }, $"#photo-{photoId} form")
            .ShouldBeAsync(HttpStatusCode.Redirect);
        var refused = await client.SubmitFormAsync($"/Stories/{id}/Photos", new() { ["Describe.AltText"] = "" }, $"#photo-{photoId} form");

        await refused.ShouldBeAsync(HttpStatusCode.OK);
        var document = await refused.ReadDocumentAsync();
        Assert.NotNull(document.QuerySelector($"#photo-{photoId} #Describe_AltText.input-validation-error"));
        Assert.Equal("First try", await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.Id == photoId).Select(p => p.AltText).SingleAsync()));
    }

    [Fact]
    public async Task Removing_a_photo_deletes_its_files()
    {
        var (client, id) = await MyDraftAsync();
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "Soon gone").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyOfOnlyPhotoAsync(id);
        var photoId = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == id).Select(p => p.Id).SingleAsync());

        await client.SubmitFormAsync($"/Stories/{id}/Photos", new(), $"#photo-{photoId} form[action*='Remove']").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.Id == photoId)));
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));
        await client.GetAsync($"/photos/{key}/display").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_draft_deletes_its_photo_files()
    {
        var (client, id) = await MyDraftAsync();
        await client.UploadAsync(id, PhotoTestKit.Jpeg(), "On a draft about to go").ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await KeyOfOnlyPhotoAsync(id);
        Assert.Contains(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));

        await client.SubmitFormAsync($"/Stories/{id}/Delete", new()).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StorageKey == key)));
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_colleague_cannot_upload_to_or_remove_from_my_draft()
    {
        var me = await factory.Data.PersonAsync();
        var colleague = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me, colleague]);
        var id = await factory.Data.StoryAsync(me, team);
        var mine = await factory.SignInAsync(me);
        await mine.UploadAsync(id, PhotoTestKit.Jpeg(), "Mine").ShouldBeAsync(HttpStatusCode.Redirect);
        var photoId = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == id).Select(p => p.Id).SingleAsync());
        var theirs = await factory.SignInAsync(colleague);
        var token = await theirs.OwnTokenAsync();

        await theirs.GetAsync($"/Stories/{id}/Photos").ShouldBeAsync(HttpStatusCode.NotFound);
        await theirs.PostUploadAsync($"/Stories/{id}/Photos?handler=Upload", token, PhotoTestKit.Jpeg(), "Not yours").ShouldBeAsync(HttpStatusCode.NotFound);
        await theirs.PostAsync(
            $"/Stories/{id}/Photos?handler=Remove&photoId={photoId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)])).ShouldBeAsync(HttpStatusCode.NotFound);

        Assert.Equal(1, await factory.WithDbAsync(db => db.StoryPhotos.CountAsync(p => p.StoryId == id)));
    }

    [Fact]
    public async Task A_manager_who_may_read_a_submitted_story_still_cannot_change_its_photos()
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Domain.People.Roles.Employee, Domain.People.Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author], managers: [manager]);
        var id = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(manager);
        var token = await client.OwnTokenAsync();

        await client.GetAsync($"/Stories/{id}/Photos").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostUploadAsync($"/Stories/{id}/Photos?handler=Upload", token, PhotoTestKit.Jpeg(), "Not mine").ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == id)));
    }

    [Fact]
    public async Task The_author_cannot_add_photos_once_the_story_is_submitted()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team, s => s.Submit(me.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(me);
        var token = await client.OwnTokenAsync();

        var response = await client.PostUploadAsync($"/Stories/{id}/Photos?handler=Upload", token, PhotoTestKit.Jpeg(), "Too late");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/Stories/{id}", response.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == id)));
    }

    private async Task AssertRefusedAsync(byte[] bytes, string fileName, string contentType, string message)
    {
        var (client, id) = await MyDraftAsync();
        var before = factory.StoredFiles().Count;

        var response = await client.UploadAsync(id, bytes, "What the picture shows", fileName, contentType);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var document = await response.ReadDocumentAsync();
        Assert.StartsWith(message, Assert.Single(document.FieldErrors("Upload.Photo")), StringComparison.Ordinal);
        Assert.Contains(document.SummaryErrors(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("What the picture shows", document.QuerySelector("#Upload_AltText")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.StoryPhotos.AnyAsync(p => p.StoryId == id)));
        Assert.Equal(before, factory.StoredFiles().Count);
    }

    private Task<string> KeyOfOnlyPhotoAsync(int storyId) =>
        factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => p.StorageKey).SingleAsync());

    private Task<List<string>> KeysOf(int storyId) =>
        factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => p.StorageKey).ToListAsync());

    private async Task<(HttpClient Client, int StoryId)> MyDraftAsync()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team);
        return (await factory.SignInAsync(me), id);
    }
}
