namespace CareStories.Web.Tests.Admin;

public sealed class AdminAccessTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    public static TheoryData<string> AdminPages => new()
    {
        "/Admin",
        "/Admin/Teams",
        "/Admin/Teams/Edit",
        "/Admin/People",
        "/Admin/People/New",
        "/Admin/Values",
        "/Admin/Values/Edit",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_admin_pages(string url)
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(url);

        response.ShouldRedirectToSignIn();
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Employee_cannot_open_admin_pages(string url)
    {
        var employee = await factory.Data.PersonAsync(Roles.Employee);
        var client = await factory.SignInAsync(employee);

        var response = await client.GetAsync(url);

        await ShouldBeAccessDeniedAsync(response);
    }

    [Fact]
    public async Task Manager_and_leader_cannot_open_the_admin_hub()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager, Roles.Leader);
        var client = await factory.SignInAsync(manager);

        await ShouldBeAccessDeniedAsync(await client.GetAsync("/Admin/People"));
    }

    [Fact]
    public async Task Manager_cannot_post_to_admin_pages()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var client = await factory.SignInAsync(manager);
        // A real antiforgery token for this manager, from the sign-out form every signed-in page carries.
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var name = TestData.Unique("Sneaky value");

        var response = await client.PostAsync("/Admin/Values/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = name,
            ["Input.Description"] = "Added by someone who may not.",
        }));

        await ShouldBeAccessDeniedAsync(response);
        Assert.False(await factory.WithDbAsync(db => db.Values.AnyAsync(v => v.Name == name)));
    }

    [Fact]
    public async Task Admin_post_without_antiforgery_token_is_rejected()
    {
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var client = await factory.SignInAsync(admin);
        var name = TestData.Unique("Forged team");

        var response = await client.PostAsync("/Admin/Teams/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = nameof(TeamKind.CustomerFacing),
        }));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.False(await factory.WithDbAsync(db => db.Teams.AnyAsync(t => t.Name == name)));
    }

    [Fact]
    public async Task Admin_sees_the_hub_with_links_and_counts()
    {
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        await factory.Data.TeamAsync();
        await factory.Data.ValueAsync();
        var client = await factory.SignInAsync(admin);
        var (people, teams, values) = await factory.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.Values.CountAsync(v => !v.IsRetired)));

        var hub = await client.GetDocumentAsync("/Admin");

        var stats = hub.QuerySelectorAll("a.stat").ToDictionary(a => a.GetAttribute("href")!, a => a.QuerySelector("strong")!.TextContent);
        Assert.Equal(people.ToString("N0"), stats["/Admin/People"]);
        Assert.Equal(teams.ToString("N0"), stats["/Admin/Teams"]);
        Assert.Equal(values.ToString("N0"), stats["/Admin/Values"]);
    }

    private static async Task ShouldBeAccessDeniedAsync(HttpResponseMessage response)
    {
        // A signed-in person without the role gets a real 403 with the friendly page, not a redirect.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot open this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
