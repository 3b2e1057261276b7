using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Thanks;

/// <summary>Making, seeing and revoking thank-you links, as the right and the wrong person.</summary>
public sealed class LinksTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Employee_makes_a_link_for_themselves_that_stays_open_90_days_by_default()
    {
        var employee = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(employee);

        var form = await client.GetDocumentAsync("/Thanks/New");
        Assert.Null(form.QuerySelector("select[name='Input.For']"));
        var response = await client.SubmitFormAsync("/Thanks/New", new() { ["Input.Label"] = "Front desk poster" });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var link = Assert.Single(await factory.LinksForAsync(employee.Id));
        Assert.Equal($"/Thanks/{link.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Front desk poster", link.Label);
        Assert.Equal(employee.Id, link.CreatedById);
        Assert.InRange(link.ExpiresAt!.Value - link.CreatedAt, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));

        var details = await client.GetDocumentAsync($"/Thanks/{link.Id}");
        Assert.Equal($"http://localhost/t/{link.Token}", details.QuerySelector("#link-address")!.TextContent.Trim());
        Assert.Equal("Open", details.QuerySelector(".page-head .status")!.TextContent.Trim());
        Assert.NotNull(details.QuerySelector($"img[src='/Thanks/{link.Id}/Qr']"));

        var list = await client.GetDocumentAsync("/Thanks");
        var row = Assert.Single(list.QuerySelectorAll(".link-list .story-row"));
        Assert.Contains($"Thanks {employee.DisplayName}", row.TextContent);
        Assert.Contains("Front desk poster", row.TextContent);
        Assert.Contains("0 thank-yous", row.TextContent);
    }

    [Fact]
    public async Task Link_without_an_end_date_never_expires()
    {
        var employee = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(employee);

        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.Expiry"] = "never" }).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Null(Assert.Single(await factory.LinksForAsync(employee.Id)).ExpiresAt);
    }

    [Fact]
    public async Task Empty_list_explains_what_a_link_is_for()
    {
        var employee = await factory.Data.PersonAsync();

        var page = await (await factory.SignInAsync(employee)).GetDocumentAsync("/Thanks");

        Assert.Contains("Print a QR code at your desk", page.QuerySelector(".empty-state")!.TextContent);
    }

    [Fact]
    public async Task Employee_cannot_make_a_link_for_a_colleague_or_for_their_team()
    {
        var employee = await factory.Data.PersonAsync();
        var colleague = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [employee, colleague]);
        var client = await factory.SignInAsync(employee);

        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"person:{colleague.Id}" }).ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"team:{team}" }).ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Empty(await factory.LinksForAsync(colleague.Id, team));
    }

    [Fact]
    public async Task Unknown_person_or_team_answers_404()
    {
        var admin = await factory.Data.PersonAsync(Roles.Admin);
        var client = await factory.SignInAsync(admin);

        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = "person:nobody" }).ShouldBeAsync(HttpStatusCode.NotFound);
        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = "team:999999" }).ShouldBeAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/Thanks/999999").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manager_makes_links_for_a_team_member_and_their_team_but_not_for_another_team()
    {
        var manager = await factory.Data.PersonAsync(Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var outsider = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [member], managers: [manager]);
        var otherTeam = await factory.Data.TeamAsync(members: [outsider]);
        var client = await factory.SignInAsync(manager);

        var form = await client.GetDocumentAsync("/Thanks/New");
        var options = form.QuerySelectorAll("select[name='Input.For'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains($"person:{member.Id}", options);
        Assert.Contains($"team:{team}", options);
        Assert.DoesNotContain($"team:{otherTeam}", options);
        Assert.DoesNotContain($"person:{outsider.Id}", options);

        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"person:{member.Id}" }).ShouldBeAsync(HttpStatusCode.Redirect);
        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"team:{team}" }).ShouldBeAsync(HttpStatusCode.Redirect);
        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"team:{otherTeam}" }).ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.SubmitFormAsync("/Thanks/New", new() { ["Input.For"] = $"person:{outsider.Id}" }).ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Single(await factory.LinksForAsync(member.Id));
        Assert.Single(await factory.LinksForAsync(null, team));
        Assert.Empty(await factory.LinksForAsync(outsider.Id, otherTeam));

        // The member sees the link their manager made for them; the manager sees both.
        var memberList = await (await factory.SignInAsync(member)).GetDocumentAsync("/Thanks");
        Assert.Single(memberList.QuerySelectorAll(".link-list .story-row"));
        var managerList = await client.GetDocumentAsync("/Thanks");
        Assert.Equal(2, managerList.QuerySelectorAll(".link-list .story-row").Length);
    }

    [Fact]
    public async Task Someone_unrelated_can_neither_see_nor_get_the_qr_of_nor_revoke_a_link()
    {
        var owner = await factory.Data.PersonAsync();
        var stranger = await factory.Data.PersonAsync(Roles.Manager);
        await factory.Data.TeamAsync(members: [owner]);
        await factory.Data.TeamAsync(managers: [stranger]);
        var link = await factory.LinkAsync(owner);
        var client = await factory.SignInAsync(stranger);

        await client.GetAsync($"/Thanks/{link.Id}").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync($"/Thanks/{link.Id}/Qr").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync($"/Thanks/{link.Id}/Poster").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.GetAsync($"/Thanks/{link.Id}/Revoke").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"/Thanks/{link.Id}/Revoke").ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Null((await factory.FindLinkAsync(link.Id))!.RevokedAt);
        var list = await client.GetDocumentAsync("/Thanks");
        Assert.Empty(list.QuerySelectorAll(".link-list .story-row"));
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_for_the_link_pages()
    {
        var owner = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(owner);
        var anonymous = factory.CreateBrowserClient();

        (await anonymous.GetAsync("/Thanks")).ShouldRedirectToSignIn();
        (await anonymous.GetAsync($"/Thanks/{link.Id}/Qr")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Revoking_stops_the_link_for_good()
    {
        var owner = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(owner);
        var client = await factory.SignInAsync(owner);

        var confirm = await client.GetDocumentAsync($"/Thanks/{link.Id}/Revoke");
        Assert.Contains("cannot be undone", confirm.QuerySelector("main")!.TextContent);
        var response = await client.SubmitFormAsync($"/Thanks/{link.Id}/Revoke", new());

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var revoked = await factory.FindLinkAsync(link.Id);
        Assert.NotNull(revoked!.RevokedAt);
        Assert.Equal(owner.Id, revoked.RevokedById);
        var details = await client.GetDocumentAsync($"/Thanks/{link.Id}");
        Assert.Equal("Revoked", details.QuerySelector(".page-head .status")!.TextContent.Trim());
        Assert.Null(details.QuerySelector($"a[href='/Thanks/{link.Id}/Revoke']"));
        // Asking again changes nothing: it stays revoked at the first time.
        await client.GetAsync($"/Thanks/{link.Id}/Revoke").ShouldBeAsync(HttpStatusCode.Redirect);
        await client.PostWithOwnTokenAsync($"/Thanks/{link.Id}/Revoke").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal(revoked.RevokedAt, (await factory.FindLinkAsync(link.Id))!.RevokedAt);
        await factory.CreateBrowserClient().GetAsync($"/t/{link.Token}").ShouldBeAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Manager_of_the_person_may_revoke_their_link()
    {
        var manager = await factory.Data.PersonAsync(Roles.Manager);
        var member = await factory.Data.PersonAsync();
        await factory.Data.TeamAsync(members: [member], managers: [manager]);
        var link = await factory.LinkAsync(member);

        await (await factory.SignInAsync(manager)).SubmitFormAsync($"/Thanks/{link.Id}/Revoke", new()).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.NotNull((await factory.FindLinkAsync(link.Id))!.RevokedAt);
    }

    [Fact]
    public async Task Qr_code_is_a_private_png_of_the_public_address()
    {
        var owner = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(owner);
        var client = await factory.SignInAsync(owner);

        var response = await client.GetAsync($"/Thanks/{link.Id}/Qr");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Fact]
    public async Task Poster_names_who_to_thank_and_shows_the_address()
    {
        var manager = await factory.Data.PersonAsync(Roles.Manager);
        var team = await factory.Data.TeamAsync(managers: [manager]);
        var link = await factory.LinkAsync(manager, teamId: team);

        var poster = await (await factory.SignInAsync(manager)).GetDocumentAsync($"/Thanks/{link.Id}/Poster");

        Assert.StartsWith("Say thank you to the Team ", poster.QuerySelector("h1")!.TextContent.Trim());
        Assert.EndsWith(" team", poster.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"/t/{link.Token}", poster.QuerySelector(".poster-url")!.TextContent);
        Assert.Null(poster.QuerySelector("nav.navbar"));
    }

    [Fact]
    public async Task Admin_sees_every_link_and_finds_them_by_name()
    {
        var admin = await factory.Data.PersonAsync(Roles.Admin);
        var someone = await factory.Data.PersonAsync();
        var link = await factory.LinkAsync(someone);
        var client = await factory.SignInAsync(admin);

        var found = await client.GetDocumentAsync($"/Thanks?q={Uri.EscapeDataString(someone.DisplayName.ToUpperInvariant())}");

        var row = Assert.Single(found.QuerySelectorAll(".link-list .story-row"));
        Assert.Contains($"/Thanks/{link.Id}", row.InnerHtml, StringComparison.Ordinal);
        await client.GetAsync($"/Thanks/{link.Id}").ShouldBeAsync(HttpStatusCode.OK);
        var none = await client.GetDocumentAsync("/Thanks?q=nobody-is-called-this");
        Assert.Contains("No links match", none.QuerySelector(".empty-state")!.TextContent);
    }

    [Fact]
    public async Task Links_page_asks_the_same_number_of_questions_however_many_links()
    {
        var admin = await factory.Data.PersonAsync(Roles.Admin);
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        var client = await SqlCommandCounter.SignInAsync(app, admin);
        await factory.LinkAsync(admin);
        counter.Reset();
        await client.GetDocumentAsync("/Thanks");
        var few = counter.Count;

        for (var i = 0; i < 6; i++)
        {
            var person = await factory.Data.PersonAsync();
            await factory.LinkAsync(person);
        }

        counter.Reset();
        await client.GetDocumentAsync("/Thanks");
        Assert.Equal(few, counter.Count);
    }
}
