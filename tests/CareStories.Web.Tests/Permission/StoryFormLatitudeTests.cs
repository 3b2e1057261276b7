using CareStories.Domain.Notifications;
using CareStories.Domain.Permission;
using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Permission;

/// <summary>Spend against the limit and the rule bent, as the author writes them and the reviewer reads them.</summary>
public sealed class StoryFormLatitudeTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private FormValues Story(ReviewTeam team, string title, string amount, string currency = "EUR") => new()
    {
        ["Input.Title"] = title,
        ["Input.OccurredOn"] = "2026-03-08",
        ["Input.Situation"] = "The customer's flight was cancelled.",
        ["Input.ImmediateAction"] = "I booked a hotel.",
        ["Input.Outcome"] = "They flew home rested.",
        ["Input.SpendAmount"] = amount,
        ["Input.SpendCurrency"] = currency,
        ["Input.SpendPurpose"] = "Hotel night",
        ["Input.Teams"] = team.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Spend_over_the_limit_without_a_reason_is_refused_and_with_one_the_reviewer_sees_how_far_over()
    {
        var team = await factory.ReviewTeamAsync();
        await factory.LimitsAsync(1000m, "EUR", null, (team.TeamId, 400m));
        var author = await factory.SignInAsync(team.Author);
        var title = TestData.Unique("Over the limit");

        var refused = await author.SubmitFormAsync("/Stories/New", Story(team, title, "500.00"), submitButton: "button[value=submit]");

        await refused.ShouldBeAsync(HttpStatusCode.OK);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("EUR 100.00 over the limit of EUR 400.00", page.QuerySelector("[data-valmsg-for='Input.Latitude.OverLimitReason']")!.TextContent);
        Assert.Equal("500.00", page.QuerySelector<IHtmlInputElement>("#Input_SpendAmount")!.Value);
        Assert.False(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == title)));

        var values = Story(team, title, "500.00");
        values["Input.Latitude.OverLimitReason"] = "Every other hotel was full.";
        await (await author.SubmitFormAsync("/Stories/New", values, submitButton: "button[value=submit]")).ShouldBeAsync(HttpStatusCode.Redirect);

        var id = await factory.WithDbAsync(db => db.Stories.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());
        var review = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync($"/Review/Story/{id}");
        var flag = review.QuerySelector("[data-over-limit]")!.TextContent;
        Assert.Contains("EUR 100.00 over", flag);
        Assert.Contains("EUR 400.00", flag);
        Assert.Contains("25 % over", flag);
        Assert.Contains("Every other hotel was full.", flag);
    }

    [Fact]
    public async Task Spend_in_another_currency_is_kept_as_entered_and_needs_no_reason()
    {
        var team = await factory.ReviewTeamAsync();
        await factory.LimitsAsync(100m, "EUR");
        var author = await factory.SignInAsync(team.Author);
        var title = TestData.Unique("Dollars");

        await (await author.SubmitFormAsync("/Stories/New", Story(team, title, "900", "usd"))).ShouldBeAsync(HttpStatusCode.Redirect);

        var saved = await factory.WithDbAsync(db => db.Stories.Where(s => s.Title == title).Select(s => new { s.Spend!.Amount, s.Spend.Currency }).SingleAsync());
        Assert.Equal((900m, "USD"), (saved.Amount, saved.Currency));
    }

    [Theory]
    [InlineData("-5", "EUR", "Input.SpendAmount", "above 0")]
    [InlineData("0", "EUR", "Input.SpendAmount", "above 0")]
    [InlineData("100000000", "EUR", "Input.SpendAmount", "up to")]
    [InlineData("12", "XYZ", "Input.SpendCurrency", "not a currency code we know")]
    public async Task Bad_amounts_and_unknown_currencies_are_refused_beside_the_field(string amount, string currency, string field, string message)
    {
        var team = await factory.ReviewTeamAsync();
        var author = await factory.SignInAsync(team.Author);

        var response = await author.SubmitFormAsync("/Stories/New", Story(team, TestData.Unique("Bad spend"), amount, currency));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Equal(currency, page.QuerySelector<IHtmlInputElement>("#Input_SpendCurrency")!.Value);
    }

    [Fact]
    public async Task A_story_that_broke_a_rule_must_name_it_and_later_stories_pick_it_from_the_list()
    {
        var team = await factory.ReviewTeamAsync();
        var value = await factory.RuleBentValueAsync();
        await factory.LimitsAsync(1000m, "EUR", value);
        var author = await factory.SignInAsync(team.Author);
        var values = Story(team, TestData.Unique("Bent"), "");
        values["Input.SpendCurrency"] = "";
        values["Input.SpendPurpose"] = "";
        values["Input.Values"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await (await author.SubmitFormAsync("/Stories/New", values)).ReadDocumentAsync();
        Assert.Contains("Say which rule", refused.QuerySelector("[data-valmsg-for='Input.Latitude.BentRule']")!.TextContent);
        Assert.Contains("Say why", refused.QuerySelector("[data-valmsg-for='Input.Latitude.BentRuleWhy']")!.TextContent);

        var rule = TestData.Unique("Refunds only with a receipt");
        values["Input.Latitude.BentRule"] = "new";
        values["Input.Latitude.NewRuleName"] = rule;
        values["Input.Latitude.BentRuleWhy"] = "The receipt was in the flood.";
        await (await author.SubmitFormAsync("/Stories/New", values)).ShouldBeAsync(HttpStatusCode.Redirect);

        var form = await author.GetDocumentAsync("/Stories/New");
        var option = form.QuerySelectorAll<IHtmlOptionElement>("#Input_Latitude_BentRule option").Single(o => o.Text == rule);
        values["Input.Title"] = TestData.Unique("Bent again");
        values["Input.Latitude.BentRule"] = option.Value;
        values["Input.Latitude.NewRuleName"] = "";
        await (await author.SubmitFormAsync("/Stories/New", values)).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Equal(2, await factory.WithDbAsync(db => db.StoryLatitudes.CountAsync(l => l.BentRule!.Name == rule)));
    }

    [Fact]
    public async Task The_reviewer_is_warned_when_a_story_bends_a_must_follow_procedure()
    {
        var team = await factory.ReviewTeamAsync();
        var name = TestData.Unique("Lock-out before live work");
        await factory.WithDbAsync(async db =>
        {
            var procedure = new MustFollowProcedure(name, "Safety.", "Head of Safety", factory.Clock.GetUtcNow());
            db.MustFollowProcedures.Add(procedure);
            await db.SaveChangesAsync();
            db.BentRules.Add(BentRule.ForProcedure(procedure, team.Author.Id, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var (storyId, _) = await factory.StoryBendingAsync(team.Author, team.TeamId, name);

        var review = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync($"/Review/Story/{storyId}");

        var warning = review.QuerySelector("[data-procedure-warning]")!;
        Assert.Contains("bends a must-follow procedure", warning.TextContent);
        Assert.Contains(name, warning.TextContent);
    }

    [Fact]
    public async Task A_leaders_decision_is_kept_shown_on_the_story_and_its_author_and_heroes_hear_of_it()
    {
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var (storyId, ruleId) = await factory.StoryBendingAsync(team.Author, team.TeamId, TestData.Unique("No home visits"), hero);
        var leaderPerson = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var leader = await factory.SignInAsync(leaderPerson);

        var rules = await leader.GetDocumentAsync("/Rules");
        Assert.NotNull(rules.QuerySelector($"a[href='/Rules/{ruleId}']"));
        var refused = await leader.SubmitFormAsync($"/Rules/{ruleId}", new() { ["Input.Kind"] = "Change", ["Input.Text"] = "Allow visits within 20 km.", ["Input.Owner"] = "" });
        Assert.Contains("who owns the change", (await refused.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Owner']")!.TextContent);
        await (await leader.SubmitFormAsync($"/Rules/{ruleId}", new() { ["Input.Kind"] = "Change", ["Input.Text"] = "Allow visits within 20 km.", ["Input.Owner"] = "Head of Field Service" }))
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var told = await factory.WithDbAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKind.RuleDecided && n.StoryId == storyId).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(new[] { team.Author.Id, hero.Id }.Order(), told.Order());
        var story = await (await factory.SignInAsync(team.Author)).GetDocumentAsync($"/Stories/{storyId}");
        var decision = story.QuerySelector("[data-rule-decision]")!.TextContent;
        Assert.Contains("Change the rule", decision);
        Assert.Contains("Allow visits within 20 km.", decision);
        Assert.Contains(leaderPerson.DisplayName, decision);
    }

    [Fact]
    public async Task A_leaders_decision_is_on_the_very_next_read_of_a_story_page_its_hero_had_read()
    {
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var (storyId, ruleId) = await factory.StoryBendingAsync(team.Author, team.TeamId, TestData.Unique("No refunds in cash"), hero);
        var heroClient = await factory.SignInAsync(hero);
        var before = await heroClient.GetDocumentAsync($"/Stories/{storyId}");
        Assert.Contains("Rule bent for the customer", before.Body!.TextContent);
        Assert.Null(before.QuerySelector("[data-rule-decision]"));
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        await (await leader.SubmitFormAsync($"/Rules/{ruleId}", new() { ["Input.Kind"] = "Change", ["Input.Text"] = "Cash refunds up to EUR 50.", ["Input.Owner"] = "Head of Stores" }))
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var after = await heroClient.GetDocumentAsync($"/Stories/{storyId}");
        Assert.Contains("Cash refunds up to EUR 50.", after.QuerySelector("[data-rule-decision]")!.TextContent);
    }
}
