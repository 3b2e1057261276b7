using CareStories.Domain.Thanks;

namespace CareStories.Web.Demo;

/// <summary>
/// Customers' thank-yous through links: a link for Jamie and one for the Customer Support team (both made by Sam),
/// a few waiting for Sam's approval, approved ones on published stories across teams (for Customer voice), one
/// discarded and one whose words an Admin removed. All names and words are invented for CareStories.
/// </summary>
internal static class DemoThanks
{
    /// <summary>Who a thank-you is for (a person's key or a team's name), what the customer wrote and how they signed.</summary>
    private sealed record Thanks(string? Person, string? Team, string Text, CustomerNaming Naming, string? Name, int DaysAfterPublished);

    private static readonly Thanks[] Approved =
    [
        new("employee", null, "Jamie stayed on the phone with me until my mother's alarm was working again, and then rang back the next morning to check. I slept properly for the first time in a week.", CustomerNaming.FirstNameOnly, "Margaret", 3),
        new("fatima", null, "Fatima explained my bill in plain words and sorted the refund while we were still talking. No forms, no waiting. Thank you!", CustomerNaming.FullName, "Tomasz Nowak", 4),
        new("ravi", null, "Ravi called me back at the exact time he promised, three days in a row. That is rarer than you would think.", CustomerNaming.Anonymous, null, 5),
        new("grace", null, "Grace found us on the hard shoulder in the pouring rain, got the children into her van to keep warm and had us moving within the hour.", CustomerNaming.FullName, "Peter Lindqvist", 2),
        new("lukas", null, "Lukas fixed the boiler and then showed my dad how to reset it himself. Patient and kind from start to finish.", CustomerNaming.FirstNameOnly, "Aylin", 6),
        new("mei", null, "Mei spotted that we had been charged twice for months and put it right without us even asking. Honest people are worth keeping.", CustomerNaming.FirstNameOnly, "Joseph", 3),
        new(null, "Field Service", "To the whole field team: you turned a ruined holiday into one we still talk about. Thank you all.", CustomerNaming.Anonymous, null, 7),
        new(null, "Customer Support", "Every single person I spoke to at support this month was friendly and knew what they were doing. Please pass this on.", CustomerNaming.FirstNameOnly, "Hannah", 8),
    ];

    /// <summary>The approved thank-you (index in <see cref="Approved"/>) whose words an Admin later removed.</summary>
    private const int Redacted = 2;

    private static readonly Thanks[] Waiting =
    [
        new("employee", null, "I wanted to say thank you to Jamie for sorting out my broadband on a Sunday evening. My daughter could hand in her coursework on time.", CustomerNaming.FirstNameOnly, "Priya", 0),
        new("employee", null, "Jamie was so patient with me. I am not good with computers and he never once made me feel silly.", CustomerNaming.Anonymous, null, 0),
        new(null, "Customer Support", "Your support team answered at 7 in the morning and had a replacement router with us by lunchtime. Brilliant service.", CustomerNaming.FullName, "Oskar Berg", 0),
    ];

    public static async Task WriteAsync(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyList<Story> stories,
        DateTimeOffset now)
    {
        var since = now.AddDays(-330);
        var links = new Dictionary<string, ThankYouLink>(StringComparer.Ordinal);
        ThankYouLink LinkFor(Thanks thanks)
        {
            var key = thanks.Person ?? "team:" + thanks.Team;
            if (!links.TryGetValue(key, out var link))
            {
                link = thanks.Person is { } person
                    ? ThankYouLink.ForPerson(people[person].Id, ManagerOf(thanks, people, teams), person == "employee" ? "Jamie's email signature" : null, null, since)
                    : ThankYouLink.ForTeam(teams[thanks.Team!].Id, ManagerOf(thanks, people, teams), thanks.Team == "Customer Support" ? "Front desk poster" : "Van windows", null, since);
                db.ThankYouLinks.Add(link);
                links[key] = link;
            }

            return link;
        }

        var published = stories.Where(s => s.Status == StoryStatus.Published).OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
        var approved = new List<(CustomerThanks Thanks, Story Story, CustomerQuote Quote)>();
        foreach (var item in Approved)
        {
            var story = published.First(s => item.Person is { } key
                ? s.AuthorId == people[key].Id || s.Heroes.Any(h => h.PersonId == people[key].Id)
                : s.Teams.Any(t => t.TeamId == teams[item.Team!].Id));
            var received = Before(now, story.PublishedAt!.Value.AddDays(item.DaysAfterPublished).AddHours(3));
            var decided = Before(now, received.AddHours(20));
            var thanks = CustomerThanks.Receive(LinkFor(item), new ThanksSubmission(item.Text, item.Naming, item.Name, true), received);
            db.CustomerThanks.Add(thanks);
            var manager = ManagerOf(item, people, teams);
            var quote = thanks.ApproveOnto(story, manager, decided);
            approved.Add((thanks, story, quote));
        }

        // A message that was not about anyone's work: the manager discarded it, and its words are gone.
        var discarded = CustomerThanks.Receive(
            LinkFor(Waiting[0]),
            new ThanksSubmission("Great prices, will shop again.", CustomerNaming.Anonymous, null, true),
            now.AddDays(-20));
        db.CustomerThanks.Add(discarded);
        discarded.Discard(people["manager"].Id, now.AddDays(-19));

        for (var i = 0; i < Waiting.Length; i++)
        {
            var item = Waiting[i];
            var received = now.AddHours(-(52 - (i * 20)));
            db.CustomerThanks.Add(CustomerThanks.Receive(LinkFor(item), new ThanksSubmission(item.Text, item.Naming, item.Name, true), received));
        }

        await db.SaveChangesAsync();

        // A customer put a neighbour's details in their thank-you; the Admin removed the words and said why.
        var (_, redactedStory, redactedQuote) = approved[Redacted];
        redactedStory.RedactQuote(
            redactedQuote.Id,
            QuotePart.Text,
            people["admin"].Id,
            "The message named a neighbour and their home address. The customer's thanks is kept; the words are not.",
            Before(now, redactedQuote.CreatedAt.AddDays(1)));
        await db.SaveChangesAsync();
    }

    /// <summary>Who decides on a thank-you and made its link: the manager of the person's first team, or of the team.</summary>
    private static string ManagerOf(Thanks thanks, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Team> teams)
    {
        var team = thanks.Team is { } name
            ? teams[name]
            : teams.Values.Where(t => t.Memberships.Any(m => m.PersonId == people[thanks.Person!].Id && !m.IsManager)).OrderBy(t => t.Name, StringComparer.Ordinal).First();
        return team.Memberships.Where(m => m.IsManager).Select(m => m.PersonId).Order(StringComparer.Ordinal).First();
    }

    private static DateTimeOffset Before(DateTimeOffset now, DateTimeOffset at) => at < now.AddHours(-1) ? at : now.AddHours(-1);
}
