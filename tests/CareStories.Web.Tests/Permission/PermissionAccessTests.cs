using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Permission;

/// <summary>Only Admins keep the charter, procedures and limits; only Leaders decide on rules; the ledger is for managers up.</summary>
public sealed class PermissionAccessTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    public static TheoryData<string> AdminPages => new() { "/Admin/Permission/Charter", "/Admin/Permission/Procedures", "/Admin/Permission/Limits" };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Employee_manager_and_leader_cannot_open_the_permission_admin_pages(string url)
    {
        var someone = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager, Roles.Leader);
        var client = await factory.SignInAsync(someone);

        await (await client.GetAsync(url)).ShouldBeForbiddenAsync();
    }

    [Fact]
    public async Task Leader_cannot_rewrite_the_charter_procedures_or_limits_by_posting()
    {
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var client = await factory.SignInAsync(leader);
        var token = (await client.GetDocumentAsync("/")).Csrf();

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/Admin/Permission/Charter", new() { ["Input.Text"] = "Anything goes." }),
            ("/Admin/Permission/Procedures?handler=Save", new() { ["Input.Name"] = "Sneaky", ["Input.Why"] = "Because.", ["Input.Owner"] = "Me" }),
            ("/Admin/Permission/Limits?handler=Company", new() { ["Company.Currency"] = "EUR", ["Company.Amount"] = "99999" }),
        };
        foreach (var (url, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            await (await client.PostAsync(url, new FormUrlEncodedContent(fields))).ShouldBeForbiddenAsync();
        }

        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.CharterVersions.AnyAsync());
            Assert.False(await db.MustFollowProcedures.AnyAsync());
            Assert.False(await db.EmpowermentLimits.AnyAsync());
        });
    }

    [Fact]
    public async Task Only_a_leader_opens_rules_we_bent_and_decides_on_a_rule()
    {
        var team = await factory.ReviewTeamAsync();
        var (_, ruleId) = await factory.StoryBendingAsync(team.Author, team.TeamId, TestData.Unique("Rule"));
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);

        foreach (var person in new[] { team.Author, team.Manager, admin })
        {
            var client = await factory.SignInAsync(person);
            await (await client.GetAsync("/Rules")).ShouldBeForbiddenAsync();
            await (await client.GetAsync($"/Rules/{ruleId}")).ShouldBeForbiddenAsync();
            var token = (await client.GetDocumentAsync("/")).Csrf();
            await (await client.PostAsync($"/Rules/{ruleId}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Kind"] = "Keep",
                ["Input.Text"] = "Not my call.",
            }))).ShouldBeForbiddenAsync();
        }

        Assert.False(await factory.WithDbAsync(db => db.BentRules.Where(r => r.Id == ruleId).SelectMany(r => r.Decisions).AnyAsync()));
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));
        await (await leader.GetAsync($"/Rules/{ruleId}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await leader.GetAsync("/Rules/999999")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Employee_cannot_open_the_ledger_or_its_csv()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        await (await client.GetAsync("/Ledger")).ShouldBeForbiddenAsync();
        await (await client.GetAsync("/Ledger?handler=Csv")).ShouldBeForbiddenAsync();
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_the_ledger_and_rules()
    {
        var client = factory.CreateBrowserClient();

        (await client.GetAsync("/Ledger")).ShouldRedirectToSignIn();
        (await client.GetAsync("/Rules")).ShouldRedirectToSignIn();
    }
}
