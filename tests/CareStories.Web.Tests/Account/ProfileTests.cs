namespace CareStories.Web.Tests.Account;

/// <summary>A person keeps their own name and job title up to date on the profile page.</summary>
public sealed class ProfileTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string ProfileUrl = "/Identity/Account/Manage";

    [Fact]
    public async Task A_person_changes_their_own_name_and_job_title_and_the_header_shows_the_new_name()
    {
        var person = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(person);
        var newName = TestData.Unique("Renamed");

        var response = await client.SubmitFormAsync(ProfileUrl, new()
        {
            ["Input.DisplayName"] = newName,
            ["Input.JobTitle"] = "Night shift lead",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(newName, saved.DisplayName);
        Assert.Equal("Night shift lead", saved.JobTitle);
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Contains(newName, page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Your profile is saved.", page.QuerySelector("[data-status-message]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_empty_name_is_refused_beside_the_field_and_nothing_changes()
    {
        var person = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(person);

        var response = await client.SubmitFormAsync(ProfileUrl, new() { ["Input.DisplayName"] = " " });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("true", page.QuerySelector("#Input_DisplayName")!.GetAttribute("aria-invalid"));
        Assert.Contains("Enter a name", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(person.DisplayName, saved.DisplayName);
    }

    [Fact]
    public async Task The_account_pages_use_the_apps_own_form_layout()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        foreach (var url in new[] { ProfileUrl, "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ChangePassword" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Empty(page.QuerySelectorAll(".form-floating, .w-100, .btn-lg"));
            Assert.NotNull(page.QuerySelector("nav[aria-label='Your account'] [aria-current=page]"));
        }
    }
}
