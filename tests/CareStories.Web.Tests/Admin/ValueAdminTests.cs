using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Admin;

public sealed class ValueAdminTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_adds_a_value_to_the_catalogue()
    {
        var client = await SignInAsAdminAsync();
        var name = TestData.Unique("Listened first");

        var response = await client.SubmitFormAsync("/Admin/Values/Edit", new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "Heard the whole problem before offering a fix.",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var value = await factory.WithDbAsync(db => db.Values.AsNoTracking().SingleAsync(v => v.Name == name));
        Assert.Equal("Heard the whole problem before offering a fix.", value.Description);
        Assert.False(value.IsRetired);
    }

    [Fact]
    public async Task Admin_rewords_a_value()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.Data.ValueAsync();
        var name = TestData.Unique("Reworded");

        var response = await client.SubmitFormAsync($"/Admin/Values/Edit/{id}", new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "New words.",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Values.Where(v => v.Id == id).Select(v => new { v.Name, v.Description }).SingleAsync());
        Assert.Equal((name, "New words."), (saved.Name, saved.Description));
    }

    [Fact]
    public async Task Duplicate_value_name_is_refused_next_to_the_field()
    {
        var client = await SignInAsAdminAsync();
        var existingId = await factory.Data.ValueAsync();
        var existingName = await NameOfAsync(existingId);

        var response = await client.SubmitFormAsync("/Admin/Values/Edit", new FormValues
        {
            ["Input.Name"] = existingName,
            ["Input.Description"] = "Typed and kept.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("already a value called", Assert.Single(page.FieldErrors("Input.Name")));
        Assert.Single(page.SummaryErrors());
        Assert.Equal("Typed and kept.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
    }

    [Fact]
    public async Task Value_without_description_gets_a_message_next_to_it()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.SubmitFormAsync("/Admin/Values/Edit", new FormValues
        {
            ["Input.Name"] = TestData.Unique("No words"),
            ["Input.Description"] = "",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Say in a sentence what this value looks like in practice.", Assert.Single(page.FieldErrors("Input.Description")));
    }

    [Fact]
    public async Task Retired_value_is_marked_retired()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.Data.ValueAsync();

        var response = await client.SubmitFormAsync("/Admin/Values", new FormValues(), $"form#retire-{id}");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.True(await factory.WithDbAsync(db => db.Values.Where(v => v.Id == id).Select(v => v.IsRetired).SingleAsync()));
        var list = await client.GetDocumentAsync("/Admin/Values");
        var row = list.QuerySelector($"tr[data-value-id='{id}']")!;
        Assert.Equal("Retired", row.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector($"form#restore-{id}"));
    }

    [Fact]
    public async Task Retired_value_can_be_restored()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.Data.ValueAsync();
        await factory.WithDbAsync(async db =>
        {
            (await db.Values.SingleAsync(v => v.Id == id)).Retire();
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync("/Admin/Values", new FormValues(), $"form#restore-{id}");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync("/Admin/Values");
        Assert.Equal("In use", list.QuerySelector($"tr[data-value-id='{id}'] [data-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Value_list_counts_the_stories_that_show_each_value()
    {
        var client = await SignInAsAdminAsync();
        var author = await factory.Data.PersonAsync();
        var teamId = await factory.Data.TeamAsync(members: [author]);
        var shown = await factory.Data.ValueAsync();
        var unused = await factory.Data.ValueAsync();
        await factory.Data.StoryAsync(author, teamId, s => s.SetValues([shown]));
        await factory.Data.StoryAsync(author, teamId, s => s.SetValues([shown]));

        var list = await client.GetDocumentAsync("/Admin/Values");

        Assert.Equal("2", list.QuerySelector($"tr[data-value-id='{shown}'] [data-story-count]")!.TextContent.Trim());
        Assert.Equal("0", list.QuerySelector($"tr[data-value-id='{unused}'] [data-story-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Retiring_a_missing_value_is_not_found()
    {
        var client = await SignInAsAdminAsync();
        var id = await factory.Data.ValueAsync();
        var list = await client.GetDocumentAsync("/Admin/Values");
        await factory.WithDbAsync(async db =>
        {
            db.Values.Remove(await db.Values.SingleAsync(v => v.Id == id));
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(list, "/Admin/Values", new FormValues(), $"form#retire-{id}");

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_values_page_introduces_values_not_badges()
    {
        var page = await (await SignInAsAdminAsync()).GetDocumentAsync("/Admin/Values");

        var introduction = page.QuerySelector(".page-head .lead-muted")!.TextContent;
        Assert.DoesNotContain("badge", introduction, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpClient> SignInAsAdminAsync() =>
        await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    private Task<string> NameOfAsync(int id) =>
        factory.WithDbAsync(db => db.Values.Where(v => v.Id == id).Select(v => v.Name).SingleAsync());
}
