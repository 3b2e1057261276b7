using Xunit.Sdk;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>The accessibility check must be able to fail; otherwise every journey's check proves nothing.</summary>
public sealed class AccessibilityCheckTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Accessibility_check_fails_on_an_image_without_alternative_text()
    {
        var page = await NewPageAsync(Screen.Laptop);
        await page.GotoAsync("Identity/Account/Login");
        await page.EvaluateAsync(
            """
            () => {
              const image = document.createElement('img');
              image.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
              document.querySelector('main, body').appendChild(image);
            }
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => AssertAccessibleAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}
