using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Photos;

/// <summary>A person adds a profile photo, sees it beside their name, and removes it again.</summary>
[Collection(BrowserCollection.Second)]
public sealed class ProfilePhotoJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Manager_adds_a_profile_photo_sees_it_beside_their_name_and_removes_it(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Manager);
        await page.GotoAsync("Identity/Account/Manage");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "Photo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your photo", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-photo-state]")).ToContainTextAsync("No photo");
        await AssertAccessibleAsync(page);

        // Not a picture: refused beside the field.
        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = "not a picture"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Photo']")).ToContainTextAsync("not a JPEG, PNG or WebP");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = Portrait() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your photo was added");
        var avatar = page.Locator(".person-head img.avatar");
        await Expect(avatar).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await avatar.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The photo did not load.");
        await ScreenshotAsync(page, $"profile-photo-{screen}");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("Feed");
        await ScreenshotAsync(page, $"feed-with-avatars-{screen}");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("Identity/Account/Manage/Photo");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove your photo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your photo was removed");
        await Expect(page.Locator(".person-head span.avatar")).ToHaveAttributeAsync("data-initials", "SO");
    }

    /// <summary>A head-and-shoulders shape on a plain background, wider than tall (it is cut to a square).</summary>
    private static byte[] Portrait()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(900, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE8, 0xF1, 0xF8));
            using var skin = new SKPaint { Color = new SKColor(0x8D, 0x5B, 0x3E), IsAntialias = true };
            canvas.DrawCircle(450, 230, 120, skin);
            using var shirt = new SKPaint { Color = new SKColor(0x1F, 0x5F, 0x7A), IsAntialias = true };
            canvas.DrawOval(450, 600, 240, 200, shirt);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
