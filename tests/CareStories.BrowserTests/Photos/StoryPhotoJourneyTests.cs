using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Photos;

[Collection(BrowserCollection.Second)]
public sealed class StoryPhotoJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Employee_adds_a_photo_to_a_draft_and_sees_it_on_the_story(string screen)
    {
        var title = $"Photo of the mended bike ({screen} {Guid.NewGuid():N})"[..50];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);

        await page.GotoAsync("Stories/New");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Photos (0 of 6)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Photos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-photo-count]")).ToHaveTextAsync("0 of 6 photos used");
        await AssertAccessibleAsync(page);

        // A file over 10 MB is caught in the browser before megabytes are sent.
        var fileInput = page.GetByLabel("Photo", new() { Exact = true });
        // Ten megabytes cross Playwright's pipe to the browser: more than a click's time while other journeys run beside it.
        await fileInput.SetInputFilesAsync(
            new FilePayload { Name = "huge.jpg", MimeType = "image/jpeg", Buffer = new byte[(10 * 1024 * 1024) + 1] },
            new() { Timeout = 4 * Browser.StepTimeoutMs });
        Assert.StartsWith("This photo is larger than 10 MB.", await fileInput.EvaluateAsync<string>("input => input.validationMessage"), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Expect(page.Locator("[data-photo-count]")).ToHaveTextAsync("0 of 6 photos used");
        await Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);

        // Forgetting the description keeps the form and says what to do.
        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "bike.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Upload.AltText']")).ToContainTextAsync("Describe the photo");
        await ScreenshotAsync(page, $"photos-missing-description-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "bike.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Ana handing the mended bike back to its owner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The photo was added");
        await Expect(page.Locator("[data-photo-count]")).ToHaveTextAsync("1 of 6 photos used");
        await ScreenshotAsync(page, $"photos-page-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var photo = page.Locator("#photos img");
        await Expect(photo).ToHaveAttributeAsync("alt", "Ana handing the mended bike back to its owner");
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The photo did not load.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Photos (1 of 6)" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"story-with-photo-{screen}");
        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task A_photo_travels_with_the_story_to_review_and_onto_the_feed(string screen)
    {
        var title = $"Mended the bike before the race ({screen} {Guid.NewGuid():N})"[..50];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);
        await page.GotoAsync("Stories/New");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("When it happened").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("The customer's situation").FillAsync("A rider's chain snapped an hour before her first race.");
        await page.GetByLabel("What was done right away").FillAsync("Fatima fitted a new chain from the shop's own stock.");
        await page.GetByLabel("The outcome for the customer").FillAsync("She started on time and finished third.");
        await page.GetByLabel("Fatima Haddad").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Photos (0 of 6)" }).ClickAsync();
        await page.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "bike.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("The rider's bike with its new chain");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(page.Locator(".status")).ToHaveTextAsync("Waiting for review");
        var storyUrl = page.Url;
        var reviewUrl = storyUrl.Replace("/Stories/", "/Review/Story/", StringComparison.Ordinal);

        var manager = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(manager, DemoAccounts.Manager);
        await manager.GotoAsync(reviewUrl);
        var photo = manager.GetByRole(AriaRole.Img, new() { Name = "The rider's bike with its new chain" });
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToBeVisibleAsync();
        await ScreenshotAsync(manager, $"review-with-photo-{screen}");
        await AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");

        await manager.GotoAsync("Feed");
        var card = manager.Locator("article.feed-card").Filter(new() { HasText = title });
        var thumbnail = card.GetByRole(AriaRole.Img, new() { Name = "The rider's bike with its new chain" });
        await thumbnail.ScrollIntoViewIfNeededAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The thumbnail did not load.");
        // The whole feed is long; the card alone shows how the thumbnail sits in it.
        var feedShot = await ScreenshotAsync(manager, $"feed-with-photo-{screen}");
        await card.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(feedShot)!, $"feed-card-with-photo-{screen}.png") });
        await AssertAccessibleAsync(manager);

        // The photo turns out to show the rider's face: an Admin takes it down from the published story.
        var admin = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(admin, DemoAccounts.Admin);
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.GotoAsync(storyUrl);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Remove (admin): The rider's bike with its new chain" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Remove a photo", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove for good" }).ClickAsync();
        await Expect(admin.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Say why the photo is being removed");
        var thumb = admin.GetByRole(AriaRole.Img, new() { Name = "The rider's bike with its new chain" });
        await Expect(thumb).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumb.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The thumbnail did not load.");
        await ScreenshotAsync(admin, $"photo-takedown-{screen}");
        await AssertAccessibleAsync(admin);
        await admin.GetByLabel("Why").FillAsync("Shows the rider's face; she did not agree to be pictured.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove for good" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "The photo was removed" })).ToBeVisibleAsync();
        await Expect(admin.Locator("#photos [data-photo-takedowns]")).ToContainTextAsync("“Shows the rider's face; she did not agree to be pictured.”");
        await Expect(admin.Locator("#photos img")).ToHaveCountAsync(0);
        await admin.Locator("#photos").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(admin, $"story-after-photo-takedown-{screen}");
        await AssertAccessibleAsync(admin);
    }

    /// <summary>A small picture with some shapes, so the screenshots show something recognisable.</summary>
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1200, 800, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE8, 0xF1, 0xF8));
            using var ground = new SKPaint { Color = new SKColor(0x6B, 0x8E, 0x23) };
            canvas.DrawRect(0, 560, 1200, 240, ground);
            using var wheel = new SKPaint { Color = new SKColor(0x1F, 0x29, 0x33), Style = SKPaintStyle.Stroke, StrokeWidth = 18, IsAntialias = true };
            canvas.DrawCircle(400, 520, 130, wheel);
            canvas.DrawCircle(800, 520, 130, wheel);
            using var frame = new SKPaint { Color = new SKColor(0xB4, 0x23, 0x5A), StrokeWidth = 16, IsAntialias = true };
            canvas.DrawLine(400, 520, 560, 330, frame);
            canvas.DrawLine(560, 330, 800, 520, frame);
            canvas.DrawLine(560, 330, 720, 330, frame);
            canvas.DrawLine(720, 330, 800, 520, frame);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
