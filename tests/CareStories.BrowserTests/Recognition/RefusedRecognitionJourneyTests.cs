using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Recognition;

/// <summary>
/// Celebrating and commenting post to their own pages: a refused one comes back there, with the reason beside the
/// field and everything typed or chosen kept, and the next try lands on the story.
/// </summary>
public sealed class RefusedRecognitionJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task A_celebration_without_a_message_comes_back_with_the_badge_still_chosen(string screen)
    {
        var storyId = await App.PublishedStoryByAColleagueAsync();
        var leader = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(leader, DemoAccounts.Leader);
        await leader.GotoAsync($"Stories/{storyId}");

        var form = leader.Locator("form.celebrate-form");
        var badge = form.Locator("input[name='Celebration.BadgeId']").First;
        await badge.CheckAsync();
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();

        await Expect(leader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Stories/{storyId}/Celebrate$"));
        await Expect(leader.Locator("[data-error-summary]")).ToContainTextAsync("Write a message");
        await Expect(leader.Locator("[data-valmsg-for='Celebration.Message']")).ToContainTextAsync("Write a message");
        await Expect(leader.Locator("input[name='Celebration.BadgeId']:checked")).ToHaveCountAsync(1);
        await ScreenshotAsync(leader, $"recognition-celebrate-refused-{screen}");
        await AssertAccessibleAsync(leader);

        await leader.GetByLabel("Your message to the people in the story").FillAsync("Calm, quick and kind. Thank you, Tom.");
        await leader.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
        await Expect(leader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Stories/{storyId}#celebrations$"));
        await Expect(leader.Locator(".celebration")).ToContainTextAsync("Calm, quick and kind.");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task An_empty_comment_comes_back_on_its_own_page_and_the_next_try_is_posted(string screen)
    {
        var storyId = await App.PublishedStoryByAColleagueAsync();
        var employee = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(employee, DemoAccounts.Employee);
        await employee.GotoAsync($"Stories/{storyId}");

        await employee.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Expect(employee).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Stories/{storyId}/Comments/New$"));
        await Expect(employee.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Add a comment", Level = 1 })).ToBeVisibleAsync();
        await Expect(employee.Locator("[data-valmsg-for='NewComment.Text']")).ToContainTextAsync("Write a comment");
        await ScreenshotAsync(employee, $"recognition-comment-refused-{screen}");
        await AssertAccessibleAsync(employee);

        await employee.GetByLabel("Add a comment").FillAsync("Booked my own holiday through Tom after reading this.");
        await employee.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(employee.Locator(".comment").Filter(new() { HasText = "Booked my own holiday" })).ToBeVisibleAsync();
    }
}
