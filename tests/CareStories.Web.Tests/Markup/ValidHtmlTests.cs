using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Review;
using CareStories.Web.Tests.Thanks;

namespace CareStories.Web.Tests.Markup;

/// <summary>
/// The main pages, fetched as the people who see them, pass the Nu HTML Checker with no errors. The pages are
/// collected first and checked in one run of the checker (a JVM: started once, not per page).
/// </summary>
public sealed class ValidHtmlTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Every_main_page_is_valid_html_as_each_role_sees_it()
    {
        var team = await factory.ReviewTeamAsync();
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var waiting = await factory.WaitingStoryAsync(team);
        var published = await factory.PublishedStoryAsync(team.Author);
        var badge = await factory.BadgeAsync();
        await factory.CelebrateAsync(published.Id, team.Manager, badge, "You kept the wedding on track.");
        await factory.ApplaudAsync(published.Id, team.Manager);
        await factory.CommentAsync(published.Id, team.Manager, "Well done.");
        var link = await factory.LinkAsync(team.Author);
        var value = await factory.Data.ValueAsync();
        var pages = new Dictionary<string, string>();

        var visitor = factory.CreateBrowserClient();
        await CollectAsync(pages, "visitor", visitor, "/", "/Identity/Account/Login", "/Identity/Account/Register",
            "/Identity/Account/ForgotPassword", "/Identity/Account/ForgotPasswordConfirmation",
            "/Identity/Account/ResetPassword?code=bm90LWEtY29kZQ", "/Identity/Account/ResetPasswordConfirmation", $"/Identity/Account/RegisterConfirmation?email={Uri.EscapeDataString(team.Author.Email)}",
            $"/t/{link.Token}", $"/t/{link.Token}/sent");
        await CollectAsync(pages, "visitor", visitor, HttpStatusCode.NotFound, "/t/no-such-link");
        await CollectAsync(pages, "visitor", visitor, HttpStatusCode.BadRequest, "/mail/unsubscribe?token=not-a-token");
        pages["visitor: register with every field empty"] = await (await visitor.SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Email"] = "",
            ["Input.DisplayName"] = "",
            ["Input.Password"] = "",
            ["Input.ConfirmPassword"] = "",
        })).Content.ReadAsStringAsync();

        var author = await factory.SignInAsync(team.Author);
        await CollectAsync(pages, "author", author, "/", "/Feed", "/Stories", "/Stories/New", published.Url, $"/Stories/{waiting}",
            "/Notifications", "/Notifications/Email", $"/People/{team.Author.Id}", $"/People/{team.Author.Id}/Print", "/Voice", "/Thanks", "/Thanks/New",
            $"/Thanks/{link.Id}", "/Identity/Account/Manage", "/Identity/Account/Manage/Email",
            "/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/TwoFactorAuthentication",
            "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/DeletePersonalData",
            "/Identity/Account/Manage/EnableAuthenticator", "/Identity/Account/Manage/Feeds", "/Search", "/Search?q=van",
            "/Search?q=nothing+matches+zzqx&period=7d", "/Huddle", $"/Huddle/{team.TeamId}");

        pages["author: a story submitted with every field empty"] = await (await author.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = "",
            ["Input.Situation"] = "",
        }, submitButton: "button[value=submit]")).Content.ReadAsStringAsync();
        pages["visitor: a thank-you sent empty"] = await (await visitor.SubmitFormAsync($"/t/{link.Token}", new() { ["Input.Text"] = "" }))
            .Content.ReadAsStringAsync();

        var manager = await factory.SignInAsync(team.Manager);
        await CollectAsync(pages, "manager", manager, "/", "/Feed", "/Review", $"/Review/Story/{waiting}", "/Review/Thanks", "/Notifications");

        var administrator = await factory.SignInAsync(admin);
        await CollectAsync(pages, "admin", administrator, "/Admin", "/Admin/People", "/Admin/People/New", $"/Admin/People/Edit/{team.Author.Id}",
            "/Admin/Teams", $"/Admin/Teams/Edit/{team.TeamId}", "/Admin/Teams/Edit", "/Admin/Values", $"/Admin/Values/Edit/{value}",
            "/Admin/Badges", $"/Admin/Badges/Edit/{badge}", "/Admin/Settings", "/Review",
            "/Admin/Chat", "/Admin/Chat/Connect", "/Admin/Chat/Log");
        await CollectAsync(pages, "author", author, HttpStatusCode.NotFound, "/no-such-page");

        // The Content-Security-Policy blocks inline styles and scripts: a page that has one is broken in the browser.
        Assert.DoesNotContain(pages, page => page.Value.Contains(" style=\"", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(pages, page => page.Value.Contains("<script>", StringComparison.OrdinalIgnoreCase));

        var errors = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors on {pages.Count} pages:\n" + string.Join("\n", errors.Take(60)));
    }

    private static Task CollectAsync(Dictionary<string, string> pages, string who, HttpClient client, params string[] urls) =>
        CollectAsync(pages, who, client, HttpStatusCode.OK, urls);

    private static async Task CollectAsync(Dictionary<string, string> pages, string who, HttpClient client, HttpStatusCode expected, params string[] urls)
    {
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{who} GET {url} answered {(int)response.StatusCode}, not {(int)expected}.");
            pages[$"{who} {url}"] = html;
        }
    }
}
