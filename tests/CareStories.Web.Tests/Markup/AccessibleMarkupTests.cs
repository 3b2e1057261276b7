using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Thanks;

namespace CareStories.Web.Tests.Markup;

/// <summary>What screen-reader users rely on in the served markup: fields in error, titles, headings.</summary>
public sealed class AccessibleMarkupTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_field_in_error_is_marked_invalid_and_described_by_its_message()
    {
        var response = await factory.CreateBrowserClient().SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "",
            ["Input.Password"] = "",
            ["Input.ConfirmPassword"] = "",
        });

        var page = await response.ReadDocumentAsync();
        var email = page.QuerySelector("#Input_Email")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        var described = email.GetAttribute("aria-describedby")!.Split(' ').Select(id => page.GetElementById(id)).ToList();
        Assert.Contains(described, message => message is not null && message.TextContent.Contains("email", StringComparison.OrdinalIgnoreCase));
        var password = page.QuerySelector("#Input_Password")!;
        Assert.Equal("true", password.GetAttribute("aria-invalid"));
        Assert.Contains("password-hint", password.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public async Task A_hand_written_field_in_error_is_marked_invalid_and_described_by_its_message_too()
    {
        var author = await factory.Data.PersonAsync();
        await factory.Data.TeamAsync(members: [author]);
        var client = await factory.SignInAsync(author);

        var response = await client.SubmitFormAsync("/Stories/New", new() { ["Input.Title"] = "" }, submitButton: "button[value=submit]");

        var page = await response.ReadDocumentAsync();
        var title = page.QuerySelector("#Input_Title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        var described = title.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains("title-hint", described);
        Assert.Contains(described, id => page.GetElementById(id)?.GetAttribute("data-valmsg-for") == "Input.Title"
            && page.GetElementById(id)!.TextContent.Trim().Length > 0);
    }

    [Fact]
    public async Task A_valid_field_is_not_marked_invalid()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/Identity/Account/Register");

        Assert.Empty(page.QuerySelectorAll("[aria-invalid]"));
    }

    [Fact]
    public async Task An_unknown_or_closed_thank_you_link_says_so_in_the_page_title()
    {
        var person = await factory.Data.PersonAsync();
        var closed = await factory.LinkAsync(person, revoked: true);
        var visitor = factory.CreateBrowserClient();

        var unknown = await (await visitor.GetAsync("/t/no-such-link")).ReadDocumentAsync();
        var revoked = await visitor.GetAsync($"/t/{closed.Token}");

        Assert.StartsWith("Link not found", unknown.Title, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, revoked.StatusCode);
        Assert.StartsWith("Link no longer open", (await revoked.ReadDocumentAsync()).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_celebration_on_the_printable_record_has_a_heading()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var celebrator = await factory.Data.PersonAsync(CareStories.Domain.People.Roles.Employee, CareStories.Domain.People.Roles.Leader);
        await factory.CelebrateAsync(story.Id, celebrator, await factory.BadgeAsync(), "Well done.");

        var page = await (await factory.SignInAsync(celebrator)).GetDocumentAsync($"/People/{hero.Id}/Print");

        var entries = page.QuerySelectorAll("[aria-labelledby=print-celebrations-heading] .print-entry");
        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.Contains(celebrator.DisplayName, entry.QuerySelector("h3")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_pages_have_one_main_heading()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        foreach (var url in new[] { "/Identity/Account/Manage", "/Identity/Account/Manage/Email", "/Identity/Account/Manage/DeletePersonalData" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Single(page.QuerySelectorAll("h1"));
        }
    }
}
