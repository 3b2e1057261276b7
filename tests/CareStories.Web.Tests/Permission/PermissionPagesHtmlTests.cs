using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Permission;

/// <summary>The permission-to-care pages, filled and with errors, pass the Nu HTML Checker as the people who see them.</summary>
public sealed class PermissionPagesHtmlTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Permission_pages_are_valid_html_with_data_and_with_errors()
    {
        var team = await factory.ReviewTeamAsync();
        var value = await factory.RuleBentValueAsync();
        await factory.LimitsAsync(100m, "EUR", value, (team.TeamId, 50m));
        await factory.SpendStoryAsync(team.Author, team.TeamId, team.Manager, new(2026, 3, 1), 80m, "EUR", StoryStatus.Submitted, overLimitReason: "Worth it.");
        var (storyId, ruleId) = await factory.StoryBendingAsync(team.Author, team.TeamId, TestData.Unique("Rule"));
        var pages = new Dictionary<string, string>();
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        await admin.SubmitFormAsync("/Admin/Permission/Charter", new() { ["Input.Text"] = "Care first.\n\nAsk later." });
        await admin.SubmitFormAsync("/Admin/Permission/Procedures", new() { ["Input.Name"] = "Identity check", ["Input.Why"] = "Data protection.", ["Input.Owner"] = "DPO" });
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));
        var author = await factory.SignInAsync(team.Author);

        foreach (var (who, client, url) in new[]
        {
            ("admin", admin, "/Admin/Permission/Charter"), ("admin", admin, "/Admin/Permission/Procedures"), ("admin", admin, "/Admin/Permission/Limits"),
            ("leader", leader, "/Ledger"), ("leader", leader, "/Rules"), ("leader", leader, $"/Rules/{ruleId}"), ("leader", leader, "/"),
            ("author", author, "/Stories/New"), ("author", author, $"/Stories/{storyId}"),
            ("manager", await factory.SignInAsync(team.Manager), $"/Review/Story/{storyId}"),
        })
        {
            pages[$"{who} {url}"] = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        }

        pages["admin: limits refused"] = await (await admin.SubmitFormAsync("/Admin/Permission/Limits", new() { ["Company.Amount"] = "-1" }, "form[action*=Company]")).Content.ReadAsStringAsync();
        pages["leader: decision refused"] = await (await leader.SubmitFormAsync($"/Rules/{ruleId}", new() { ["Input.Text"] = "" })).Content.ReadAsStringAsync();
        pages["author: rule missing"] = await (await author.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = "Bent",
            ["Input.Values"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).Content.ReadAsStringAsync();

        Assert.DoesNotContain(pages, page => page.Value.Contains(" style=\"", StringComparison.OrdinalIgnoreCase));
        var errors = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors:\n" + string.Join("\n", errors.Take(40)));
    }
}
