using CareStories.Domain.Events;
using CareStories.Domain.Permission;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Permission;

public sealed class PermissionRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static EmpowermentLimits Limits(decimal company, params (int Team, decimal Amount)[] teams)
    {
        var limits = new EmpowermentLimits();
        limits.SetCompanyLimit(company, "eur", null, "admin", At);
        foreach (var (team, amount) in teams)
        {
            limits.SetTeamLimit(team, amount, "admin", At);
        }

        return limits;
    }

    [Fact]
    public void A_story_has_its_teams_own_limit_and_the_lowest_when_its_teams_differ()
    {
        var limits = Limits(2000m, (1, 500m), (2, 3000m));

        Assert.Equal(new ApplicableLimit(2000m, "EUR", null), limits.For([]));
        Assert.Equal(new ApplicableLimit(500m, "EUR", 1), limits.For([1, 2]));
        Assert.Equal(new ApplicableLimit(3000m, "EUR", 2), limits.For([2]));
        Assert.Equal(new ApplicableLimit(2000m, "EUR", null), limits.For([2, 3]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_001)]
    [InlineData(10.005)]
    public void A_limit_of_zero_or_below_too_large_or_with_fractions_of_cents_is_refused(decimal amount)
    {
        var refused = Refused(() => new EmpowermentLimits().SetCompanyLimit(amount, "EUR", null, "admin", At));

        Assert.Equal(["CompanyLimit"], refused.Fields());
    }

    [Fact]
    public void An_unknown_currency_is_refused_and_a_team_limit_needs_the_company_limit_first()
    {
        Assert.Equal(["Currency"], Refused(() => new EmpowermentLimits().SetCompanyLimit(100m, "EUE", null, "admin", At)).Fields());
        Assert.Equal(["Amount"], Refused(() => new EmpowermentLimits().SetTeamLimit(1, 100m, "admin", At)).Fields());
    }

    [Fact]
    public void Spend_over_the_limit_needs_a_reason_and_exactly_the_limit_or_another_currency_does_not()
    {
        var limit = new ApplicableLimit(100m, "EUR", null);

        Assert.Contains(StoryLatitude.Check(new Spend(100.01m, "EUR", "Taxi"), limit, null, false, false, null), e => e.Field == "Latitude.OverLimitReason");
        Assert.Empty(StoryLatitude.Check(new Spend(100m, "EUR", "Taxi"), limit, null, false, false, null));
        Assert.Empty(StoryLatitude.Check(new Spend(900m, "USD", "Taxi"), limit, null, false, false, null));
        Assert.Empty(StoryLatitude.Check(new Spend(500m, "EUR", "Taxi"), limit, "Worth it.", false, false, null));
    }

    [Fact]
    public void Bending_a_rule_needs_the_rule_and_why()
    {
        var errors = StoryLatitude.Check(null, null, null, showsRuleBent: true, namesRule: false, why: " ");

        Assert.Equal(["Latitude.BentRule", "Latitude.BentRuleWhy"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_charter_that_is_empty_or_too_long_is_refused()
    {
        Assert.Equal(["Text"], Refused(() => new CharterVersion("  ", "admin", At)).Fields());
        Assert.Equal(["Text"], Refused(() => new CharterVersion(new string('a', CharterVersion.TextMaxLength + 1), "admin", At)).Fields());
        Assert.Equal(["One.", "Two."], CharterVersion.Paragraphs(new CharterVersion("One.\r\n\r\nTwo.", "admin", At).Text));
    }

    [Fact]
    public void Deciding_to_change_a_rule_needs_what_and_who_and_raises_the_news()
    {
        var rule = BentRule.Named("Refunds only with a receipt", "author", At);

        Assert.Equal(["Owner"], Refused(() => rule.Decide(RuleDecisionKind.Change, "Allow photos of receipts.", "", "leader", At)).Fields());
        var decision = rule.Decide(RuleDecisionKind.Change, "Allow photos of receipts.", "Head of Billing", "leader", At);

        Assert.Equal("Head of Billing", decision.Owner);
        Assert.Single(rule.Decisions);
        Assert.IsType<RuleDecided>(Assert.Single(rule.DomainEvents));
    }

    [Fact]
    public void Making_a_rule_must_follow_adds_the_procedure_once()
    {
        var rule = BentRule.Named("Lock-out before live work", "author", At);

        rule.Decide(RuleDecisionKind.MakeMustFollow, "Safety: people have been hurt.", "Head of Safety", "leader", At);

        Assert.Equal(("Lock-out before live work", "Head of Safety"), (rule.Procedure!.Name, rule.Procedure.Owner));
        Assert.NotNull(rule.Procedure);
    }

    [Fact]
    public void The_ledger_totals_per_currency_and_sorts_spend_into_bands()
    {
        static SpendLine Line(int id, DateOnly on, decimal amount, string currency) =>
            new(id, "T", StoryStatus.Published, on, amount, currency, "Taxi", [new(1, "Support")], [new("p", "Ana")], 100m, "EUR", amount > 100 ? "Worth it." : null);

        var ledger = SpendLedger.Of(
        [
            Line(1, new(2026, 1, 31), 9.99m, "EUR"),
            Line(2, new(2026, 2, 1), 10m, "EUR"),
            Line(3, new(2026, 2, 2), 100m, "EUR"),
            Line(4, new(2026, 2, 3), 100.01m, "EUR"),
            Line(5, new(2026, 2, 4), 500m, "USD"),
        ]);

        Assert.Equal([new SpendTotal("EUR", 4, 220m), new SpendTotal("USD", 1, 500m)], ledger.Totals);
        Assert.Equal([1, 1, 1, 1, 1], ledger.Bands.Select(b => b.Incidents));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)], ledger.ByMonth.Select(m => m.Key));
        Assert.Equal(4, Assert.Single(ledger.OverLimit).StoryId);
    }
}
