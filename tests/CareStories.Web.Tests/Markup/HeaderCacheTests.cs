using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Markup;

/// <summary>
/// The header's menu is rendered once per set of rights and section and kept, and the bell's count is read with the
/// change stamp: neither may show one person anything of another's (menu, name, sign-out token, unread count), and a
/// change of rights or a new notification shows on the next page.
/// </summary>
public sealed class HeaderCacheTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_admin_and_an_employee_reading_the_same_pages_in_turn_each_see_their_own_menu_name_and_token()
    {
        var story = await factory.PublishedStoryAsync();
        var adminPerson = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var employeePerson = await factory.Data.PersonAsync();
        var admin = await factory.SignInAsync(adminPerson);
        var employee = await factory.SignInAsync(employeePerson);

        foreach (var url in new[] { "/Feed", story.Url, "/Feed", story.Url })
        {
            var adminPage = await admin.GetDocumentAsync(url);
            var employeePage = await employee.GetDocumentAsync(url);

            Assert.Contains("Admin", MenuEntries(adminPage));
            Assert.DoesNotContain("Admin", MenuEntries(employeePage));
            Assert.Equal(adminPerson.DisplayName, AccountName(adminPage));
            Assert.Equal(employeePerson.DisplayName, AccountName(employeePage));
            Assert.NotEqual(SignOutToken(adminPage), SignOutToken(employeePage));
            Assert.Equal(["Feed"], CurrentEntries(adminPage));
            Assert.Equal(["Feed"], CurrentEntries(employeePage));
        }

        // Each one's token is their own: the employee signs out with theirs and only they are signed out.
        var page = await employee.GetDocumentAsync("/Feed");
        var signedOut = await employee.PostAsync("/Identity/Account/Logout?returnUrl=%2F", new FormUrlEncodedContent([new("__RequestVerificationToken", SignOutToken(page))]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        (await employee.GetAsync("/Feed")).ShouldRedirectToSignIn();
        await admin.GetAsync("/Feed").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_menu_marks_the_section_of_each_page_though_it_is_kept()
    {
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        Assert.Equal(["Feed"], CurrentEntries(await reader.GetDocumentAsync("/Feed")));
        Assert.Equal(["My stories"], CurrentEntries(await reader.GetDocumentAsync("/Stories")));
        Assert.Equal(["Write a story"], CurrentEntries(await reader.GetDocumentAsync("/Stories/New")));
        Assert.Equal(["Feed"], CurrentEntries(await reader.GetDocumentAsync("/Feed")));
    }

    [Fact]
    public async Task A_person_made_admin_sees_the_admin_menu_on_their_next_page_after_signing_in_again()
    {
        var person = await factory.Data.PersonAsync(Roles.Employee);
        var before = await factory.SignInAsync(person);
        Assert.DoesNotContain("Admin", MenuEntries(await before.GetDocumentAsync("/Feed")));
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var values = new FormValues();
        values.Set("Input.Roles", Roles.Employee, Roles.Admin);

        var saved = await admin.SubmitFormAsync($"/Admin/People/Edit/{person.Id}", values);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        factory.Clock.Advance(PastTheCheck);
        (await before.GetAsync("/Feed")).ShouldRedirectToSignIn();
        var after = await factory.SignInAsync(person);
        Assert.Contains("Admin", MenuEntries(await after.GetDocumentAsync("/Feed")));
    }

    [Fact]
    public async Task The_bell_read_with_the_change_stamp_counts_only_my_notifications_and_a_new_one_at_once()
    {
        var story = await factory.PublishedStoryAsync();
        var me = await factory.Data.PersonAsync();
        var other = await factory.Data.PersonAsync();
        var mine = await factory.SignInAsync(me);
        var theirs = await factory.SignInAsync(other);
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.AddRange(
                new Notification(other.Id, NotificationKind.StoryCommented, story.Id, null, factory.Clock.GetUtcNow()),
                new Notification(other.Id, NotificationKind.StoryCommented, story.Id, null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        foreach (var url in new[] { "/Feed", story.Url })
        {
            Assert.Null(Unread(await mine.GetDocumentAsync(url)));
            Assert.Equal("2", Unread(await theirs.GetDocumentAsync(url)));
        }

        // A notification changes nothing shared, so the stamp stays: the count is still read per request.
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification(me.Id, NotificationKind.StoryCommented, story.Id, null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        Assert.Equal("1", Unread(await mine.GetDocumentAsync("/Feed")));
        Assert.Equal("1", Unread(await mine.GetDocumentAsync(story.Url)));
        Assert.Equal("2", Unread(await theirs.GetDocumentAsync("/Feed")));
    }

    private static List<string> MenuEntries(IHtmlDocument page) =>
        page.QuerySelectorAll("#main-nav .navbar-nav.me-auto a").Select(a => a.TextContent.Trim()).ToList();

    private static List<string> CurrentEntries(IHtmlDocument page) =>
        page.QuerySelectorAll("#main-nav a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();

    private static string? AccountName(IHtmlDocument page) => page.QuerySelector("#main-nav .account-name")?.TextContent.Trim();

    private static string SignOutToken(IHtmlDocument page) =>
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[action*='Logout'] input[name='__RequestVerificationToken']")!.Value;

    private static string? Unread(IHtmlDocument page) => page.QuerySelector("a.nav-bell .nav-bell-count [aria-hidden=true]")?.TextContent;
}
