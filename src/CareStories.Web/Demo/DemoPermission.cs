using CareStories.Domain.Catalogue;
using CareStories.Domain.Permission;

namespace CareStories.Web.Demo;

/// <summary>
/// The demo's permission to care: a charter, three must-follow procedures, a limit of EUR 2,000 with Billing on a
/// lower one, spend across every band (two stories over the limit, with reasons), four rules bent (one of them a
/// must-follow procedure) and two decisions.
/// Written through the same domain methods the pages use.
/// </summary>
internal static class DemoPermission
{
    public const string Currency = "EUR";
    public const decimal CompanyLimit = 2000m;
    public const decimal BillingLimit = 500m;

    private const string Charter = """
        Do what is right for the customer. You do not need anyone's permission to care: if a rule stands between a customer and the help they need, you may bend it for them, and then tell us about it here so we can fix the rule.

        You may spend up to EUR 2,000 to put one customer's problem right, without asking anyone. Most fixes cost far less; knowing the limit is there is what matters. If it takes more, spend it and say why on your story.

        The only things you may never bend are the must-follow procedures below: they keep people safe, keep us within the law and protect our customers' data.
        """;

    private static readonly (string Name, string Why, string Owner)[] Procedures =
    [
        ("Identity check before sharing account details", "Data protection: account details go only to the verified account holder (GDPR).", "Data Protection Officer"),
        ("Lock-out before working on live equipment", "Safety: nobody works on powered equipment that has not been isolated and tagged.", "Head of Field Safety"),
        ("Anti-money-laundering check on refunds to a new account", "The law: refunds to an account we have not paid before need the AML check first.", "Head of Finance"),
    ];

    /// <summary>The rules demo stories bent, why, and words in the titles of the stories that bent them.</summary>
    private static readonly (string Rule, string Why, string[] Titles)[] RulesBent =
    [
        ("Refunds and credits only after a week's review", "Waiting a week would have cost the customer more than the money was worth to us.", ["refund", "payment plan", "goodwill credit"]),
        ("No call-outs outside the service area", "The customer was stuck just past the boundary and nobody else could reach them that night.", ["stranded driver", "garage door", "hotel room for a driver"]),
        ("Contracts end only with 30 days' notice", "Holding the customer to the notice period would have charged them for a service they could no longer use.", ["contract paused", "Ended a contract"]),
    ];

    /// <summary>The demo's story that bent the identity-check procedure, so the review page's warning has an example.</summary>
    private const string ProcedureBentTitle = "pharmacy's account";

    public static async Task WriteAsync(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyList<CareValue> values,
        IReadOnlyList<Story> stories,
        DateTimeOffset now)
    {
        var admin = people["admin"].Id;
        db.CharterVersions.Add(new CharterVersion(
            "Do what is right for the customer. Ask your manager before spending money.", admin, now.AddDays(-120)));
        db.CharterVersions.Add(new CharterVersion(Charter, admin, now.AddDays(-90)));
        var procedures = Procedures.Select(p => new MustFollowProcedure(p.Name, p.Why, p.Owner, now.AddDays(-90))).ToList();
        db.MustFollowProcedures.AddRange(procedures);

        var ruleBent = values.Single(v => v.Name == "Broke a rule for the customer");
        var limits = new EmpowermentLimits();
        limits.SetCompanyLimit(CompanyLimit, Currency, ruleBent.Id, admin, now.AddDays(-90));
        limits.SetTeamLimit(teams["Billing"].Id, BillingLimit, admin, now.AddDays(-90));
        db.EmpowermentLimits.Add(limits);

        var extra = DemoPermissionStories.Write(people, teams, ruleBent, now);
        db.Stories.AddRange(extra.Select(e => e.Story));
        await db.SaveChangesAsync();

        // Every story with spend records the limit it had; the shared stories showing the value name the rule they bent.
        var rules = RulesBent.Select(r => BentRule.Named(r.Rule, people["manager"].Id, now.AddDays(-200))).ToList();
        db.BentRules.AddRange(rules);
        var procedureRule = BentRule.ForProcedure(procedures[0], people["manager"].Id, now.AddDays(-200));
        db.BentRules.Add(procedureRule);
        foreach (var story in stories.Where(s => s.Status != StoryStatus.Draft))
        {
            var index = Array.FindIndex(RulesBent, r => r.Titles.Any(t => story.Title.Contains(t, StringComparison.OrdinalIgnoreCase)));
            var (rule, why) = story.Title.Contains(ProcedureBentTitle, StringComparison.Ordinal)
                ? (procedureRule, "The pharmacist was on the account's contact list but had a new phone; I checked her with two questions from the contract instead.")
                : index >= 0 ? (rules[index], RulesBent[index].Why) : (null, null);
            var bends = rule is not null && story.Values.Any(v => v.ValueId == ruleBent.Id);
            if (story.Spend is not null || bends)
            {
                Record(db, limits, story, null, bends, rule, why);
            }
        }

        foreach (var (story, reason, bent, why) in extra)
        {
            Record(db, limits, story, reason, bent is not null, procedureRule, why);
        }

        await db.SaveChangesAsync();

        var leader = people["leader"].Id;
        rules[0].Decide(RuleDecisionKind.Change,
            "Refunds may go to another account in the customer's name once the identity check is done. Billing updates the procedure and the refund screen.",
            "Tom Becker, Billing Team Lead", leader, now.AddDays(-20));
        rules[1].Decide(RuleDecisionKind.Keep,
            "The boundary keeps response times for everyone inside it. Bending it for an emergency, as here, is exactly what we want.",
            null, leader, now.AddDays(-15));
        await db.SaveChangesAsync();
    }

    private static void Record(
        CareStoriesDbContext db, EmpowermentLimits limits, Story story, string? reason, bool bends, BentRule? rule, string? why)
    {
        var latitude = new StoryLatitude(story);
        latitude.Record(story.Spend, limits.For(story.Teams.Select(t => t.TeamId).ToList()), reason, bends, rule, why);
        db.StoryLatitudes.Add(latitude);
    }
}
