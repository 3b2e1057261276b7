using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Stories;

/// <summary>
/// Someone who uses only the keyboard writes and submits a story: every stop on the way shows a focus indicator of
/// at least 3:1 against its background (WCAG 2.2, 1.4.11), and the confirmation takes focus after the submit.
/// </summary>
public sealed class KeyboardJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    private const int MaxTabs = 150;

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Keyboard_user_writes_and_submits_a_story_seeing_where_focus_is_at_every_stop(string screen)
    {
        var title = $"Carried the parcel upstairs ({screen} {Guid.NewGuid():N})"[..50];
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Employee);
        await page.GotoAsync("Stories/New");
        await AssertAccessibleAsync(page);

        await TabToAsync(page, "#Input_Title");
        await page.Keyboard.TypeAsync(title);
        await TabToAsync(page, "#Input_OccurredOn");
        var day = DateTime.UtcNow.AddDays(-3);
        await page.Keyboard.TypeAsync(day.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        await TabToAsync(page, "#Input_Situation");
        await page.Keyboard.TypeAsync("An elderly customer could not carry a heavy parcel up four floors.");
        await TabToAsync(page, "#Input_ImmediateAction");
        await page.Keyboard.TypeAsync("Our courier carried it up and unpacked it with her.");
        await TabToAsync(page, "#Input_Outcome");
        await page.Keyboard.TypeAsync("She had her new chair the same day.");
        await TabToAsync(page, "button[value=submit]");
        await ScreenshotAsync(page, $"keyboard-story-form-{screen}");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-status-message]")).ToBeFocusedAsync();
        await ScreenshotAsync(page, $"keyboard-story-submitted-{screen}");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_phone_menu_closes_on_escape_and_gives_focus_back_to_its_button()
    {
        var page = await NewPageAsync(Screen.Phone);
        await SignInAsync(page, DemoAccounts.Employee);
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Show menu" });

        await menuButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // Open, not still sliding open (a person cannot press Escape within the 0.35 s the slide takes).
        await Expect(page.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#main-nav")).Not.ToBeVisibleAsync();
        await Expect(menuButton).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_bell_is_drawn_where_it_is_tabbed_to()
    {
        var page = await NewPageAsync(Screen.Laptop);
        await SignInAsync(page, DemoAccounts.Employee);

        var bell = await page.Locator("a.nav-bell").BoundingBoxAsync();
        var feed = await page.Locator("#main-nav a", new() { HasText = "Feed" }).First.BoundingBoxAsync();
        var signOut = await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).BoundingBoxAsync();

        // The bell comes before the menu in the document, so it is drawn before it too.
        Assert.True(bell!.X < feed!.X, $"The bell (x={bell.X}) is drawn after Feed (x={feed.X}).");
        Assert.True(bell.X < signOut!.X);
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has focus, checking the focus indicator at each stop.</summary>
    private async Task TabToAsync(IPage page, string selector)
    {
        for (var tab = 0; tab < MaxTabs; tab++)
        {
            await page.Keyboard.PressAsync("Tab");
            await FocusIndicators.AssertFocusedIsVisibleAsync(page);
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector} on {page.Url}.");
    }
}
