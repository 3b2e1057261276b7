using CareStories.Domain.Stories;
using CareStories.Domain.Thanks;
using CareStories.Web.Demo;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CareStories.BrowserTests.Thanks;

[Collection(BrowserCollection.Second)]
public sealed class ApprovalJourneyTests(AppServer app, Browser browser, ITestOutputHelper output)
    : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Manager_approves_a_thank_you_as_a_draft_and_the_employee_finds_it(string screen)
    {
        // A thank-you of this run's own through Jamie's demo link, so the demo's waiting ones stay for others.
        var words = $"Jamie rescued my online order in five minutes flat ({screen} {Guid.NewGuid():N})"[..70];
        var title = $"A rescued order ({screen} {Guid.NewGuid():N})"[..40];
        await WaitingThanksForJamieAsync(words);
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Manager);

        await page.GotoAsync("Review");
        await page.Locator("[data-thanks-waiting]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers' thank-yous waiting", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator(".thanks-row", new() { HasText = words });
        await Expect(row).ToContainTextAsync("For Jamie Rivera");
        await Expect(row).ToContainTextAsync("— Ana");
        await ScreenshotAsync(page, $"thanks-queue-{screen}");
        await AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A customer thanked Jamie Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_StoryId option").Nth(1)).ToBeAttachedAsync();
        await ScreenshotAsync(page, $"thanks-decide-{screen}");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Title of the draft").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and start a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Jamie Rivera has a new draft");
        await Expect(page.Locator(".thanks-row", new() { HasText = words })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"thanks-queue-after-{screen}");

        // Jamie finds the draft among their stories, the customer's words on it.
        var jamie = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(jamie, DemoAccounts.Employee);
        await jamie.GotoAsync("Stories");
        await jamie.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(jamie.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var quote = jamie.Locator("#quotes .quote", new() { HasText = words });
        await Expect(quote).ToContainTextAsync("Ana, thank-you link");
        await Expect(quote.GetByRole(AriaRole.Button, new() { Name = "Remove the quote from Ana" })).ToBeVisibleAsync();
        await Expect(quote.GetByRole(AriaRole.Link, new() { Name = "Edit or remove" })).ToHaveCountAsync(0);
        await ScreenshotAsync(jamie, $"thanks-draft-{screen}");
        await AssertAccessibleAsync(jamie);

        await jamie.GotoAsync("Voice");
        await Expect(jamie.GetByRole(AriaRole.Heading, new() { Name = "Customer voice", Level = 1 })).ToBeVisibleAsync();
        await Expect(jamie.Locator(".voice-item").First).ToBeVisibleAsync();
        await Expect(jamie.Locator(".voice-item", new() { HasText = words })).ToBeVisibleAsync();
        await ScreenshotAsync(jamie, $"thanks-voice-{screen}");
        await AssertAccessibleAsync(jamie);

        var stored = await App.WithDbAsync(db => db.Stories.AsNoTracking()
            .Where(s => s.Title == title)
            .Select(s => new { s.Status, Quote = s.Quotes.Select(q => q.Source).Single() })
            .SingleAsync());
        Assert.Equal((StoryStatus.Draft, QuoteSource.ThankYouLink), (stored.Status, stored.Quote));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public async Task Admin_opens_redaction_from_customer_voice_and_a_reason_is_required(string screen)
    {
        var page = await NewPageAsync(Screen.Named(screen));
        await SignInAsync(page, DemoAccounts.Admin);

        await page.GotoAsync("Voice");
        await Expect(page.Locator(".quote-removed").First).ToContainTextAsync(QuoteText.RemovedText);
        await ScreenshotAsync(page, $"voice-admin-{screen}");
        await AssertAccessibleAsync(page);

        // Redact is offered on published stories only (a draft's quotes are its author's alone).
        var redact = new System.Text.RegularExpressions.Regex("^Redact");
        await page.Locator(".voice-item", new() { Has = page.Locator("blockquote:not(.quote-removed)") })
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = redact }) }).First
            .GetByRole(AriaRole.Link, new() { NameRegex = redact }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redact a customer quote", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("The customer's words").CheckAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove for good" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Say why");
        await ScreenshotAsync(page, $"redact-error-{screen}");
        await AssertAccessibleAsync(page);
    }

    private Task WaitingThanksForJamieAsync(string words) => App.WithDbAsync(async db =>
    {
        var jamie = await db.Users.Where(u => u.Email == $"employee@{DemoData.Domain}").Select(u => u.Id).SingleAsync();
        var link = await db.ThankYouLinks.Where(l => l.PersonId == jamie).OrderBy(l => l.Id).FirstAsync();
        db.CustomerThanks.Add(CustomerThanks.Receive(link, new ThanksSubmission(words, CustomerNaming.FirstNameOnly, "Ana Lopez", true), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return 0;
    });
}
