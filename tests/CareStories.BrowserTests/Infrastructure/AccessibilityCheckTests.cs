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

    [Fact]
    public async Task Code_sniffer_check_fails_on_a_form_field_without_a_label()
    {
        var page = await NewPageAsync(Screen.Laptop);
        await page.GotoAsync("Identity/Account/Login");
        await page.EvaluateAsync("() => document.querySelector('main, body').appendChild(document.createElement('input'))");

        var failure = await Assert.ThrowsAsync<FailException>(() => CodeSniffer.AssertNoErrorsAsync(page));

        Assert.Contains("WCAG2AA", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Focus_check_fails_on_a_link_whose_focus_outline_is_removed()
    {
        var page = await NewPageAsync(Screen.Laptop);
        await page.GotoAsync("Identity/Account/Login");
        await page.EvaluateAsync("() => document.querySelectorAll('main a[href]').forEach(a => a.style.setProperty('outline', 'none', 'important'))");

        var failure = await Assert.ThrowsAsync<FailException>(() => FocusIndicators.AssertEveryTabStopAsync(page));

        Assert.Contains("No focus outline", failure.Message, StringComparison.Ordinal);
    }
}
