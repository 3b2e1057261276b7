using System.Net.Http.Headers;

namespace CareStories.Web.Tests.Photos;

/// <summary>A person's own profile photo: added, replaced and removed by them alone, taken down by an Admin.</summary>
public sealed class ProfilePhotoTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    private const string PhotoPage = "/Identity/Account/Manage/Photo";

    [Fact]
    public async Task An_upload_is_stored_as_a_square_re_encoded_photo_without_its_location_and_served_to_colleagues()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await UploadAsync(client, PhotoTestKit.JpegWithExif(width: 900, height: 600));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var key = Assert.IsType<string>(await PhotoKeyAsync(me));
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());
        var display = await colleague.GetAsync($"/people/photo/{key}/display");
        await display.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", display.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", display.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("private", display.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var bytes = await display.Content.ReadAsByteArrayAsync();
        Assert.Equal(new SkiaSharp.SKSizeI(400, 400), PhotoTestKit.DecodedSize(bytes, out _));
        Assert.False(PhotoTestKit.Contains(bytes, PhotoTestKit.LatitudeBytes));
        var thumb = await colleague.GetAsync($"/people/photo/{key}/thumb");
        Assert.Equal(new SkiaSharp.SKSizeI(128, 128), PhotoTestKit.DecodedSize(await thumb.Content.ReadAsByteArrayAsync(), out _));
        Assert.Contains(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_is_refused_beside_the_field_whatever_its_name_says()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await UploadAsync(client, "<html><script>alert(1)</script></html>"u8.ToArray());

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("not a JPEG, PNG or WebP", page.QuerySelector("[data-valmsg-for='Photo']")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.SummaryErrors());
        Assert.Null(await PhotoKeyAsync(me));
    }

    [Fact]
    public async Task Replacing_the_photo_deletes_the_old_files_and_removing_it_deletes_the_rest()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);
        await UploadAsync(client, PhotoTestKit.Jpeg()).ShouldBeAsync(HttpStatusCode.Redirect);
        var first = (await PhotoKeyAsync(me))!;

        await UploadAsync(client, PhotoTestKit.Picture(500, 500, SkiaSharp.SKEncodedImageFormat.Png)).ShouldBeAsync(HttpStatusCode.Redirect);
        var second = (await PhotoKeyAsync(me))!;

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(first, StringComparison.Ordinal));
        Assert.Equal(2, factory.StoredFiles().Count(f => f.StartsWith(second, StringComparison.Ordinal)));
        await client.GetAsync($"/people/photo/{first}/thumb").ShouldBeAsync(HttpStatusCode.NotFound);

        await client.SubmitFormAsync(PhotoPage, new(), "form#remove-photo").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Null(await PhotoKeyAsync(me));
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(second, StringComparison.Ordinal));
        await client.GetAsync($"/people/photo/{second}/thumb").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_changes_or_removes_another_persons_photo_by_naming_them()
    {
        var owner = await factory.Data.PersonAsync();
        await UploadAsync(await factory.SignInAsync(owner), PhotoTestKit.Jpeg()).ShouldBeAsync(HttpStatusCode.Redirect);
        var ownersKey = await PhotoKeyAsync(owner);
        var other = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(other);
        var token = (await client.GetDocumentAsync(PhotoPage)).QuerySelector<IHtmlInputElement>("form#upload-photo input[name=__RequestVerificationToken]")!.Value;

        // The page acts on the signed-in person only: an id in the address or the form changes nothing of anyone else's.
        await PostAsync(client, $"{PhotoPage}?handler=Upload&id={owner.Id}", token, PhotoTestKit.Jpeg(), ("id", owner.Id), ("PersonId", owner.Id));
        await client.PostAsync($"{PhotoPage}?handler=Remove&id={owner.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("id", owner.Id)]));

        Assert.Equal(ownersKey, await PhotoKeyAsync(owner));
        // Only an Admin may take someone's photo down.
        await client.GetAsync($"/Admin/People/{owner.Id}/RemovePhoto").ShouldBeAsync(HttpStatusCode.Forbidden);
        var refused = await client.PostAsync($"/Admin/People/{owner.Id}/RemovePhoto",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Reason", "Because I can")]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ownersKey, await PhotoKeyAsync(owner));
    }

    [Fact]
    public async Task Profile_photos_are_not_served_to_anyone_signed_out()
    {
        var me = await factory.Data.PersonAsync();
        await UploadAsync(await factory.SignInAsync(me), PhotoTestKit.Jpeg()).ShouldBeAsync(HttpStatusCode.Redirect);
        var key = await PhotoKeyAsync(me);

        var response = await factory.CreateBrowserClient().GetAsync($"/people/photo/{key}/thumb");

        response.ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Admin_takes_a_photo_down_with_a_reason_that_the_person_then_reads()
    {
        var person = await factory.Data.PersonAsync();
        var own = await factory.SignInAsync(person);
        await UploadAsync(own, PhotoTestKit.Jpeg()).ShouldBeAsync(HttpStatusCode.Redirect);
        var key = (await PhotoKeyAsync(person))!;
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var personPage = await admin.GetDocumentAsync($"/People/{person.Id}");
        Assert.NotNull(personPage.QuerySelector("[data-remove-profile-photo]"));

        var empty = await admin.SubmitFormAsync($"/Admin/People/{person.Id}/RemovePhoto", new() { ["Input.Reason"] = " " }, "form#takedown-form");
        await empty.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(key, await PhotoKeyAsync(person));

        var removed = await admin.SubmitFormAsync($"/Admin/People/{person.Id}/RemovePhoto", new() { ["Input.Reason"] = "Shows a customer's card number" }, "form#takedown-form");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await PhotoKeyAsync(person));
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(key, StringComparison.Ordinal));
        var notice = (await own.GetDocumentAsync(PhotoPage)).QuerySelector("[data-photo-takedown]")!.TextContent;
        Assert.Contains("Shows a customer's card number", notice, StringComparison.Ordinal);
        var list = await admin.GetDocumentAsync("/Admin/Photos/ProfileTakedowns");
        Assert.Contains(list.QuerySelectorAll("[data-profile-takedowns] [data-reason]"), r => r.TextContent == "Shows a customer's card number");
        await admin.GetAsync($"/Admin/People/{person.Id}/RemovePhoto").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_photo_the_initials_stand_beside_the_name_and_with_one_the_image_has_empty_alt()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);
        var before = await client.GetDocumentAsync($"/People/{me.Id}");
        var initials = before.QuerySelector(".person-head span.avatar")!;
        Assert.Equal("true", initials.GetAttribute("aria-hidden"));
        Assert.Equal(2, initials.GetAttribute("data-initials")!.Length);
        Assert.Equal("", initials.TextContent);

        await UploadAsync(client, PhotoTestKit.Jpeg()).ShouldBeAsync(HttpStatusCode.Redirect);

        var image = (await client.GetDocumentAsync($"/People/{me.Id}")).QuerySelector(".person-head img.avatar")!;
        Assert.Equal("", image.GetAttribute("alt"));
        Assert.Equal($"/people/photo/{await PhotoKeyAsync(me)}/display", image.GetAttribute("src"));
    }

    private Task<string?> PhotoKeyAsync(TestPerson person) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().Where(p => p.Id == person.Id).Select(p => p.PhotoKey).SingleAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var page = await client.GetDocumentAsync(PhotoPage);
        var form = page.QuerySelector<IHtmlFormElement>("form#upload-photo")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await PostAsync(client, form.GetAttribute("action")!, token, bytes);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string token, byte[] bytes, params (string Name, string Value)[] extra)
    {
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in extra)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Photo", "photo.jpg");
        return await client.PostAsync(action, content);
    }
}
