using CareStories.Domain.Permission;
using CareStories.Web.Tests.Demo;

namespace CareStories.Web.Tests.Permission;

public sealed class DemoPermissionTests(DemoSeededFactory factory) : IClassFixture<DemoSeededFactory>
{
    [Fact]
    public async Task The_demo_has_a_charter_procedures_limits_spend_in_every_band_and_rules_bent_with_decisions()
    {
        _ = factory.Server;
        var facts = await factory.WithDbAsync(async db => new
        {
            Charter = await db.CharterVersions.CountAsync(),
            Procedures = await db.MustFollowProcedures.CountAsync(),
            Limits = await db.CurrentLimitsAsync(),
            Lines = await db.Stories.CountedInLedger().SpendLinesAsync(db.StoryLatitudes),
            Rules = await db.BentRules.CountAsync(r => r.Stories.Any()),
            Decided = await db.BentRules.CountAsync(r => r.Decisions.Any()),
            ProcedureBentAndWaiting = await db.StoryLatitudes.AnyAsync(l => l.BentRule!.ProcedureId != null && l.Story.Status == StoryStatus.Submitted),
        });

        Assert.True(facts.Charter >= 1);
        Assert.Equal(3, facts.Procedures);
        Assert.Equal((2000m, "EUR", 1), (facts.Limits!.CompanyLimit!.Value, facts.Limits.Currency, facts.Limits.TeamLimits.Count));
        Assert.True(facts.Limits.TeamLimits.Single().Amount < 2000m);
        var ledger = SpendLedger.Of(facts.Lines);
        Assert.All(ledger.Bands.Where(b => b.Band != SpendBand.NotCompared), b => Assert.True(b.Incidents > 0, $"No demo spend in {b.Band}."));
        Assert.Equal(2, ledger.OverLimit.Count);
        Assert.All(ledger.OverLimit, l => Assert.False(string.IsNullOrWhiteSpace(l.OverLimitReason)));
        Assert.Equal(4, facts.Rules);
        Assert.Equal(2, facts.Decided);
        Assert.True(facts.ProcedureBentAndWaiting);
    }
}
