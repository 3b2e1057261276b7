using CareStories.Domain.Permission;

namespace CareStories.Web.Tests.Permission;

public sealed class CharterAndLimitsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_writes_the_charter_everyone_sees_it_and_every_version_is_kept()
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var first = TestData.Unique("Do what is right for the customer.");
        var second = TestData.Unique("Break any rule for the customer") + "\n\nExcept the procedures below.";

        await (await admin.SubmitFormAsync("/Admin/Permission/Charter", new() { ["Input.Text"] = first })).ShouldBeAsync(HttpStatusCode.Redirect);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await admin.SubmitFormAsync("/Admin/Permission/Charter", new() { ["Input.Text"] = second })).ShouldBeAsync(HttpStatusCode.Redirect);

        var employee = await factory.SignInAsync(await factory.Data.PersonAsync());
        var home = await employee.GetDocumentAsync("/");
        var paragraphs = home.QuerySelectorAll("[data-charter] .charter-text p").Select(p => p.TextContent).ToList();
        Assert.Equal(second.Split("\n\n"), paragraphs);
        Assert.Contains(second.Split("\n\n")[0], (await employee.GetDocumentAsync("/Stories/New")).QuerySelector("[data-charter-aside]")!.TextContent);
        var history = (await admin.GetDocumentAsync("/Admin/Permission/Charter")).QuerySelectorAll("[data-charter-history] li");
        Assert.Equal(2, history.Length);
        Assert.Contains("(current)", history[0].TextContent);
        Assert.Contains(first, history[1].TextContent);
    }

    [Fact]
    public async Task An_overlong_charter_is_refused_beside_the_field_and_the_text_is_kept()
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var before = await factory.WithDbAsync(db => db.CharterVersions.CountAsync());
        var text = new string('x', CharterVersion.TextMaxLength + 1);

        var response = await admin.SubmitFormAsync("/Admin/Permission/Charter", new() { ["Input.Text"] = text });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("characters or fewer", page.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent);
        Assert.Equal(text, page.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.CharterVersions.CountAsync()));
    }

    [Theory]
    [InlineData("0", "EUR", "Company.CompanyLimit", "above 0")]
    [InlineData("-5", "EUR", "Company.CompanyLimit", "above 0")]
    [InlineData("1000000", "EUR", "Company.CompanyLimit", "up to")]
    [InlineData("two thousand", "EUR", "Company.CompanyLimit", "as a number")]
    [InlineData("2000", "EUE", "Company.Currency", "not a currency code we know")]
    public async Task A_bad_limit_or_currency_is_refused_beside_the_field_with_what_was_typed(string amount, string currency, string field, string message)
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var response = await admin.SubmitFormAsync("/Admin/Permission/Limits", new() { ["Company.Amount"] = amount, ["Company.Currency"] = currency }, "form[action*=Company]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Equal(amount, page.QuerySelector<IHtmlInputElement>("#Company_CompanyLimit")!.Value);
        Assert.Null(await factory.WithDbAsync(db => db.CurrentLimitsAsync()));
    }

    [Fact]
    public async Task Admin_sets_the_company_limit_and_a_lower_team_limit_that_the_story_form_shows()
    {
        var employee = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [employee]);
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await (await admin.SubmitFormAsync("/Admin/Permission/Limits", new() { ["Company.Amount"] = "2000", ["Company.Currency"] = "eur" }, "form[action*=Company]"))
            .ShouldBeAsync(HttpStatusCode.Redirect);
        var refused = await admin.SubmitFormAsync("/Admin/Permission/Limits", new() { ["amount"] = "0" }, $"form[action*='teamId={team}']");
        Assert.Contains("above 0", (await refused.ReadDocumentAsync()).QuerySelector($"#team-limit-{team}-state")!.TextContent);
        await (await admin.SubmitFormAsync("/Admin/Permission/Limits", new() { ["amount"] = "500" }, $"form[action*='teamId={team}']"))
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var limits = await factory.WithDbAsync(db => db.CurrentLimitsAsync());
        Assert.Equal(("EUR", 2000m), (limits!.Currency, limits.CompanyLimit!.Value));
        var form = await (await factory.SignInAsync(employee)).GetDocumentAsync("/Stories/New");
        var note = form.QuerySelector("[data-applicable-limit]")!;
        Assert.Equal(500m, decimal.Parse(note.GetAttribute("data-applicable-limit")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("EUR 500.00", note.TextContent);
    }

    [Fact]
    public async Task Admin_adds_a_must_follow_procedure_shown_with_the_charter_and_a_missing_reason_is_refused()
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var name = TestData.Unique("Identity check");

        var refused = await admin.SubmitFormAsync("/Admin/Permission/Procedures", new() { ["Input.Name"] = name, ["Input.Why"] = "", ["Input.Owner"] = "DPO" });
        Assert.Contains("Say why", (await refused.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Why']")!.TextContent);
        await (await admin.SubmitFormAsync("/Admin/Permission/Procedures", new() { ["Input.Name"] = name, ["Input.Why"] = "Data protection.", ["Input.Owner"] = "DPO" }))
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var home = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync("/");
        Assert.Contains(name, home.QuerySelector("[data-charter] .procedure-list")!.TextContent);
    }
}
