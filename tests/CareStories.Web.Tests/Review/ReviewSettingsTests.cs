using CareStories.Domain.Settings;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Review;

/// <summary>The Admin's review settings page.</summary>
public sealed class ReviewSettingsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_finds_the_settings_from_the_admin_page_and_changes_them()
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var adminHome = await admin.GetDocumentAsync("/Admin");
        Assert.NotNull(adminHome.QuerySelector("a[href='/Admin/Settings']"));

        var response = await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.PublishWithoutReview"] = "true", ["Input.ReviewOverdueDays"] = "7" });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var saved = await Current();
        Assert.True(saved.PublishWithoutReview);
        Assert.Equal(7, saved.ReviewOverdueDays);
        var page = await admin.GetDocumentAsync("/Admin/Settings");
        Assert.Contains("Settings saved", page.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("7", page.QuerySelector("#Input_ReviewOverdueDays")!.GetAttribute("value"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_PublishWithoutReview")!.IsChecked);

        await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.PublishWithoutReview"] = "false", ["Input.ReviewOverdueDays"] = "3" })
            .ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.False((await Current()).PublishWithoutReview);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("three")]
    [InlineData("")]
    public async Task Days_outside_1_to_60_are_refused_beside_the_field_and_kept_as_typed(string typed)
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var before = await Current();

        var response = await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.PublishWithoutReview"] = "true", ["Input.ReviewOverdueDays"] = typed });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Enter a number of days from 1 to 60."], page.FieldErrors("Input.ReviewOverdueDays"));
        Assert.Contains("Enter a number of days from 1 to 60.", page.SummaryErrors());
        Assert.Equal(typed, page.QuerySelector("#Input_ReviewOverdueDays")!.GetAttribute("value"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_PublishWithoutReview")!.IsChecked);
        Assert.Equal((before.PublishWithoutReview, before.ReviewOverdueDays), ((await Current()).PublishWithoutReview, (await Current()).ReviewOverdueDays));
    }

    [Fact]
    public async Task Only_an_admin_opens_or_changes_the_settings()
    {
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager, Roles.Leader));

        await manager.GetAsync("/Admin/Settings").ShouldBeAsync(HttpStatusCode.Forbidden);
        await manager.PostWithOwnTokenAsync("/Admin/Settings", new() { ["Input.PublishWithoutReview"] = "true", ["Input.ReviewOverdueDays"] = "9" })
            .ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.NotEqual(9, (await Current()).ReviewOverdueDays);
    }

    private Task<CompanySettings> Current() =>
        factory.WithDbAsync(db => db.CompanySettings.AsNoTracking().SingleAsync());
}
