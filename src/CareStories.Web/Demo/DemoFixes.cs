using CareStories.Domain.Fixes;

namespace CareStories.Web.Demo;

/// <summary>
/// A dozen fixes across the teams, in every status, most owned by the behind-the-scenes teams: several prompted by
/// the demo's published stories, two raised as improvement ideas, one done and celebrated, and one story that says
/// it is a repeat of an earlier one. Everything goes through the domain methods, so history and news are real.
/// </summary>
internal static class DemoFixes
{
    private const string Billing = "Billing";
    private const string Warehouse = "Warehouse & Logistics";
    private const string It = "IT Operations";
    private const string Support = "Customer Support";

    private sealed record Plan(
        string? Story,
        string Team,
        string Title,
        string Change,
        string RaisedBy,
        FixStatus EndsAs,
        string? Owner = null,
        int? TargetInDays = null,
        string? Note = null,
        string[]? Credited = null,
        int IdeaDaysAgo = 0);

    private static readonly Plan[] Plans =
    [
        new("The report that had to reach the boss in ten minutes", Warehouse, "A spare fuser in every service van",
            "Stock one spare fuser for the three printer models we service most in every field van, so a jammed printer is fixed on the first visit.",
            "employee", FixStatus.Done, "oliver", Note: "Every field van now carries spare fusers for our three most-serviced printers, restocked weekly.", Credited: ["oliver", "ines"]),
        new("A stranded driver, two sleeping children and the motorway at 1 a.m.", Support, "Night calls with children on board go first",
            "Ask every night caller whether children or vulnerable passengers are on board, and put those calls at the top of the queue between 22:00 and 06:00.",
            "grace", FixStatus.Done, "fatima", Note: "The night-call script asks about vulnerable passengers and dispatch puts those calls first."),
        new("Charged twice by direct debit: refunded the same day, then fixed at the root", It, "The bank gateway refuses a duplicate collection file",
            "Give every collection file a run key and make the bank gateway refuse a second file with the same key.",
            "mei", FixStatus.Done, "noah", Note: "Collection files carry a run key; the gateway refuses a repeat, and a daily check alerts Billing."),
        new("A EUR 340 refund sent the same day, so a student could pay her rent", Billing, "Student plans default to monthly billing",
            "Correct the student discount template so it bills monthly, and check every student account set up since the template changed.",
            "mei", FixStatus.InProgress, "mei", TargetInDays: 21),
        new("The bakery's tills were back before the doors opened", It, "Till certificates watched 30 days before they expire",
            "Put every shop till's certificate into monitoring with an alert 30 days before it expires.",
            "noah", FixStatus.InProgress, "noah", TargetInDays: -10),
        new("Opened the warehouse at 5:30 so a dairy farm could milk on time", Warehouse, "A vacuum pump in every van that covers farms",
            "Every technician covering the farming region carries a spare vacuum pump, restocked from the depot.",
            "lukas", FixStatus.Accepted, "ines", TargetInDays: 30),
        new("Support's phones rerouted to mobiles within 15 minutes of the exchange failing", It, "A second carrier on standby for the main number",
            "Contract a second carrier for the main support number and test the switch-over every quarter.",
            "admin", FixStatus.Accepted, "admin", TargetInDays: 45),
        new("Unlocked a pharmacy's account eight minutes before the order cut-off", It, "Secure call-back recovery for every Support agent",
            "Train every Support agent in the call-back account recovery route the security team approved, and add it to the knowledge base.",
            "noah", FixStatus.Proposed),
        new("Texted a deaf driver every ten minutes until help arrived", It, "A “contact by text only” setting on accounts",
            "Add a setting to customer accounts so dispatch never marks a text-only customer as unreachable and drivers get a number to text.",
            "grace", FixStatus.Proposed),
        new(null, It, "A page of planned outages customers can check",
            "Publish planned maintenance windows on a public status page, so customers can plan around them instead of calling us.",
            "ravi", FixStatus.Proposed, IdeaDaysAgo: 12),
        new(null, Billing, "Payment reminders in plain words",
            "Rewrite the three payment reminder letters in plain language, with the amount and the one thing to do at the top.",
            "fatima", FixStatus.Declined, Note: "Already covered: the plain-language letters project rewrites every billing letter this spring.", IdeaDaysAgo: 40),
        new("Drove the last infusion pump spare to Riverside General before the night shift", Warehouse, "Overnight depot access without calling security",
            "Give on-call warehouse staff their own overnight access to the depot, so urgent parts need no call to security.",
            "oliver", FixStatus.Declined, Note: "Insurance needs security on every overnight opening; the on-call number on the rota is the faster route."),
    ];

    public static async Task WriteAsync(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyList<Story> stories,
        DateTimeOffset now)
    {
        var managers = DemoData.Teams.ToDictionary(t => t.Name, t => t.Managers[0], StringComparer.Ordinal);
        var byTitle = stories.ToDictionary(s => s.Title, StringComparer.Ordinal);
        var fixes = new List<Fix>();
        foreach (var plan in Plans)
        {
            var story = plan.Story is null ? null : byTitle[plan.Story];
            var at = story?.PublishedAt?.AddDays(1) ?? now.AddDays(-plan.IdeaDaysAgo);
            var fix = Fix.Propose(plan.Title, plan.Change, teams[plan.Team].Id, people[plan.RaisedBy].Id, story is null ? [] : [story.Id], Before(now, at));
            var manager = new FixActor(people[managers[plan.Team]].Id, true);
            if (plan.EndsAs == FixStatus.Declined)
            {
                fix.Decline(manager, plan.Note, Before(now, at.AddDays(2)));
            }
            else if (plan.EndsAs != FixStatus.Proposed)
            {
                var accepted = Before(now, at.AddDays(2));
                var target = plan.TargetInDays is { } days ? DateOnly.FromDateTime(now.AddDays(days).UtcDateTime) : (DateOnly?)null;
                fix.Accept(manager, people[plan.Owner!].Id, target, DateOnly.FromDateTime(accepted.UtcDateTime), accepted);
                if (plan.EndsAs is FixStatus.InProgress or FixStatus.Done)
                {
                    fix.Start(new FixActor(people[plan.Owner!].Id, false), Before(now, at.AddDays(5)));
                }

                if (plan.EndsAs == FixStatus.Done)
                {
                    fix.MarkDone(
                        new FixActor(people[plan.Owner!].Id, false), plan.Note, (plan.Credited ?? [plan.Owner!]).Select(k => people[k].Id).ToList(), Before(now, at.AddDays(20)));
                }
            }

            db.Fixes.Add(fix);
            fixes.Add(fix);
        }

        await db.SaveChangesAsync();

        // The first fix, done, celebrated by the leader with the badge made for it.
        var celebrated = fixes[0];
        var badge = await db.Badges.SingleAsync(b => b.Name == "Root-cause fixer");
        db.FixCelebrations.Add(FixCelebration.Give(
            new FixRecognitionFacts(celebrated.Id, celebrated.Status, celebrated.Credits.Select(c => c.PersonId).ToList()),
            people["leader"].Id, badge, "Every van fixes a jammed printer on the first visit now. That is how one story changes things for every customer after it.",
            Before(now, celebrated.DoneAt!.Value.AddDays(1))));

        // A later stranded driver: the night-call fix did not cover drivers far from home.
        var earlier = byTitle["A stranded driver, two sleeping children and the motorway at 1 a.m."];
        var repeat = byTitle["A hotel room for a driver stuck 300 miles from home"];
        var happened = new DateTimeOffset(repeat.OccurredOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        db.StoryRepeats.Add(StoryRepeat.Mark(repeat.Id, earlier.Id, happened, earlier.PublishedAt, repeat.AuthorId, Before(now, repeat.PublishedAt!.Value.AddHours(3))));
        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Before(DateTimeOffset now, DateTimeOffset at) => at < now ? at : now.AddMinutes(-30);
}
