using CareStories.Domain.Catalogue;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Recognition;

public sealed class BadgeAdminTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_adds_a_badge_with_a_colour_and_an_emoji()
    {
        var client = await SignInAsAdminAsync();
        var name = TestData.Unique("Above and beyond");

        var response = await client.SubmitFormAsync("/Admin/Badges/Edit", new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "Went far past what anyone asked.",
            ["Input.Colour"] = "Purple",
            ["Input.Emoji"] = "🚀",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var badge = await factory.WithDbAsync(db => db.Badges.AsNoTracking().SingleAsync(b => b.Name == name));
        Assert.Equal(("Went far past what anyone asked.", BadgeColour.Purple, "🚀", false), (badge.Description, badge.Colour, badge.Emoji, badge.IsRetired));

        var list = await client.GetDocumentAsync("/Admin/Badges");
        var row = list.QuerySelector($"tr[data-badge-id='{badge.Id}']")!;
        Assert.NotNull(row.QuerySelector(".badge-chip.badge-colour-purple"));
        Assert.Contains("🚀", row.TextContent);
        Assert.Equal("In use", row.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("never", row.QuerySelector("[data-times-given]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Admin_changes_a_badge_and_clears_its_emoji()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.BadgeAsync();
        var edit = await client.GetDocumentAsync($"/Admin/Badges/Edit/{id}");
        Assert.True(edit.QuerySelector<IHtmlInputElement>("#colour-blue")!.IsChecked);
        var name = TestData.Unique("Renamed");

        var response = await client.SubmitFormAsync(edit, $"/Admin/Badges/Edit/{id}", new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Colour"] = "Amber",
            ["Input.Emoji"] = "",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var badge = await factory.WithDbAsync(db => db.Badges.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal((name, BadgeColour.Amber, (string?)null), (badge.Name, badge.Colour, badge.Emoji));
    }

    [Fact]
    public async Task Duplicate_badge_name_is_refused_next_to_the_field_whatever_the_capitals()
    {
        var client = await SignInAsAdminAsync();
        var existing = await NameOfAsync(await factory.BadgeAsync());

        var response = await client.SubmitFormAsync("/Admin/Badges/Edit", new FormValues
        {
            ["Input.Name"] = existing.ToUpperInvariant(),
            ["Input.Description"] = "Typed and kept.",
            ["Input.Colour"] = "Green",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("already a badge called", Assert.Single(page.FieldErrors("Input.Name")));
        Assert.Single(page.SummaryErrors());
        Assert.Equal("Typed and kept.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#colour-green")!.IsChecked);
    }

    [Fact]
    public async Task Words_in_the_emoji_field_and_a_missing_description_get_messages_next_to_them()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.SubmitFormAsync("/Admin/Badges/Edit", new FormValues
        {
            ["Input.Name"] = TestData.Unique("Star"),
            ["Input.Description"] = "",
            ["Input.Emoji"] = "<b>star</b>",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("single emoji", Assert.Single(page.FieldErrors("Input.Emoji")));
        Assert.Contains("what earns this badge", Assert.Single(page.FieldErrors("Input.Description")));
        Assert.Equal("<b>star</b>", page.QuerySelector<IHtmlInputElement>("#Input_Emoji")!.Value);
    }

    [Fact]
    public async Task Admin_retires_and_restores_a_badge_and_the_list_counts_how_often_it_was_given()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.BadgeAsync();
        await factory.CelebrateAsync((await factory.PublishedStoryAsync()).Id, await factory.Data.PersonAsync(Roles.Manager), id, "Well done.");
        await factory.CelebrateAsync((await factory.PublishedStoryAsync()).Id, await factory.Data.PersonAsync(Roles.Manager), id, "Bravo.");

        await client.SubmitFormAsync("/Admin/Badges", new FormValues(), $"form#retire-{id}").ShouldBeAsync(HttpStatusCode.Redirect);

        var list = await client.GetDocumentAsync("/Admin/Badges");
        var row = list.QuerySelector($"tr[data-badge-id='{id}']")!;
        Assert.Equal("Retired", row.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("2 times", row.QuerySelector("[data-times-given]")!.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.Badges.Where(b => b.Id == id).Select(b => b.IsRetired).SingleAsync()));

        await client.SubmitFormAsync(list, "/Admin/Badges", new FormValues(), $"form#restore-{id}").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.False(await factory.WithDbAsync(db => db.Badges.Where(b => b.Id == id).Select(b => b.IsRetired).SingleAsync()));
    }

    [Fact]
    public async Task Admin_hub_links_to_the_badges()
    {
        var client = await SignInAsAdminAsync();

        var hub = await client.GetDocumentAsync("/Admin");

        Assert.NotNull(hub.QuerySelector("a[href='/Admin/Badges']"));
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Leader)]
    public async Task Only_an_admin_opens_or_changes_the_badges(string role)
    {
        var id = await factory.BadgeAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, role));

        await client.GetAsync("/Admin/Badges").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync($"/Admin/Badges/Edit/{id}").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"/Admin/Badges/Edit/{id}", new FormValues { ["Input.Name"] = "Hijacked", ["Input.Description"] = "x", ["Input.Colour"] = "Rose" })
            .ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"/Admin/Badges?handler=Retire&id={id}").ShouldBeAsync(HttpStatusCode.Forbidden);

        var badge = await factory.WithDbAsync(db => db.Badges.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.NotEqual("Hijacked", badge.Name);
        Assert.False(badge.IsRetired);
    }

    private async Task<HttpClient> SignInAsAdminAsync() =>
        await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    private Task<string> NameOfAsync(int id) =>
        factory.WithDbAsync(db => db.Badges.Where(b => b.Id == id).Select(b => b.Name).SingleAsync());
}

/// <summary>A database with no badges at all.</summary>
public sealed class BadgeEmptyStateTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Empty_catalogue_says_what_to_do()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var page = await client.GetDocumentAsync("/Admin/Badges");

        var empty = page.QuerySelector(".empty-state")!;
        Assert.Equal("No badges yet", empty.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotNull(empty.QuerySelector("a[href='/Admin/Badges/Edit']"));
    }

    [Fact]
    public async Task Manager_is_told_there_are_no_badges_to_give_yet()
    {
        var story = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));

        var page = await client.GetDocumentAsync(story.Url);

        Assert.Contains("no badges to give yet", page.QuerySelector("form.celebrate-form")!.TextContent);
    }
}
