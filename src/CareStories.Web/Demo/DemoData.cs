using CareStories.Domain.Catalogue;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Demo;

/// <summary>
/// The demo company: people in every role, customer-facing and behind-the-scenes teams, the values catalogue
/// and stories in every status. All names and text are invented for CareStories.
/// </summary>
public static class DemoData
{
    /// <summary>Every demo account signs in with this password (README lists the accounts).</summary>
    public const string Password = "CareStories-demo-2026";

    public const string Domain = "carestories.example";

    internal sealed record DemoPerson(string Key, string Name, string JobTitle, string[] Roles);

    internal sealed record DemoTeam(string Name, TeamKind Kind, string Description, string[] Managers, string[] Members);

    internal static readonly DemoPerson[] People =
    [
        new("employee", "Jamie Rivera", "Customer Support Specialist", [Roles.Employee]),
        new("manager", "Sam Okafor", "Customer Support Lead", [Roles.Employee, Roles.Manager]),
        new("leader", "Dana Whitfield", "Chief Customer Officer", [Roles.Employee, Roles.Leader]),
        new("admin", "Morgan Lee", "Systems Administrator", [Roles.Employee, Roles.Admin]),
        new("elena", "Elena Petrova", "Field Service Manager", [Roles.Employee, Roles.Manager]),
        new("tom", "Tom Becker", "Billing Team Lead", [Roles.Employee, Roles.Manager]),
        new("aisha", "Aisha Khan", "Operations Manager", [Roles.Employee, Roles.Manager]),
        new("fatima", "Fatima Haddad", "Customer Support Specialist", [Roles.Employee]),
        new("lukas", "Lukas Novak", "Field Technician", [Roles.Employee]),
        new("grace", "Grace Mensah", "Roadside Assistance Driver", [Roles.Employee]),
        new("mei", "Mei Chen", "Billing Analyst", [Roles.Employee]),
        new("oliver", "Oliver Grant", "Warehouse Coordinator", [Roles.Employee]),
        new("noah", "Noah Williams", "IT Support Engineer", [Roles.Employee]),
        new("ines", "Inès Moreau", "Logistics Planner", [Roles.Employee]),
        new("ravi", "Ravi Patel", "Customer Support Specialist", [Roles.Employee]),
    ];

    internal static readonly DemoTeam[] Teams =
    [
        new("Customer Support", TeamKind.CustomerFacing, "Phone, chat and email help for every customer.",
            ["manager"], ["employee", "fatima", "ravi"]),
        new("Field Service", TeamKind.CustomerFacing, "Technicians and roadside drivers who go to the customer.",
            ["elena"], ["lukas", "grace"]),
        new("Billing", TeamKind.BehindTheScenes, "Invoices, refunds and payment plans.",
            ["tom"], ["mei"]),
        new("Warehouse & Logistics", TeamKind.BehindTheScenes, "Spare parts, stock and getting them where they are needed.",
            ["aisha"], ["oliver", "ines"]),
        new("IT Operations", TeamKind.BehindTheScenes, "The systems everyone else relies on, and the people who keep them up.",
            ["aisha"], ["noah", "admin"]),
    ];

    internal static readonly (string Name, string Description)[] Values =
    [
        ("Broke a rule for the customer", "Bent a policy, within our limits, because the customer's need mattered more."),
        ("Workaround first", "Solved the customer's real need right away, before fixing the underlying problem."),
        ("Fixed it for good", "Made sure the same thing cannot happen to the next customer."),
        ("Cross-team help", "Reached across teams so the customer didn't have to."),
        ("Listened first", "Took the time to understand what the customer actually needed."),
        ("Owned it end to end", "Stayed with the problem until the customer was sorted, whoever's job it was."),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CareStoriesDbContext>();
        var users = services.GetRequiredService<UserManager<Person>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var demo in People)
        {
            var person = new Person($"{demo.Key}@{Domain}", demo.Name, demo.JobTitle, now.AddDays(-400)) { EmailConfirmed = true };
            Check(await users.CreateAsync(person, Password), demo.Key);
            Check(await users.AddToRolesAsync(person, demo.Roles), demo.Key);
            people[demo.Key] = person;
        }

        var teams = new Dictionary<string, Team>(StringComparer.Ordinal);
        foreach (var demo in Teams)
        {
            var team = new Team(demo.Name, demo.Kind, demo.Description);
            team.SetPeople(demo.Members.Select(k => people[k].Id).ToList(), demo.Managers.Select(k => people[k].Id).ToList());
            db.Teams.Add(team);
            teams[demo.Name] = team;
        }

        var values = Values.Select(v => new CareValue(v.Name, v.Description)).ToList();
        db.Values.AddRange(values);
        await db.SaveChangesAsync();

        var stories = DemoStories.Write(db, people, teams, values.ToDictionary(v => v.Name, StringComparer.Ordinal), now);
        await db.SaveChangesAsync();

        await DemoRecognition.WriteAsync(db, people, stories, now);
        await DemoThanks.WriteAsync(db, people, teams, stories, now);
        await DemoFixes.WriteAsync(db, people, teams, stories, now);
        await DemoPermission.WriteAsync(db, people, teams, values, stories, now);
        await DemoDelivery.WriteAsync(services, db, people, teams, stories, now);
        await DemoRecognition.ReadOldNewsAsync(db, now);
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo person '{who}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
