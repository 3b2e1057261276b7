using CareStories.Domain.Catalogue;

namespace CareStories.Web.Demo;

/// <summary>
/// Stories that show the spend ledger's bands: one using a third of the limit, one most of it, and two over it with
/// their reasons (one waiting for review, bending a must-follow procedure, so the reviewer sees the warning).
/// </summary>
internal static class DemoPermissionStories
{
    public sealed record Extra(Story Story, string? OverLimitReason, string? Bent, string? Why);

    public static IReadOnlyList<Extra> Write(
        IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Team> teams, CareValue ruleBent, DateTimeOffset now)
    {
        var sam = people["manager"].Id;
        var elena = people["elena"].Id;
        return
        [
            new(Tell(people["grace"].Id, teams["Field Service"].Id, null, elena, now.AddDays(-40),
                "A rental van so a removal could finish on moving day",
                "The customer's removal lorry broke down halfway through moving house, with the keys to the old house due back at five.",
                "I hired a van for the afternoon and Lukas and I moved the last loads ourselves.",
                "They handed the keys back on time and slept in their new home that night.",
                new(2450m, "EUR", "Van hire for the afternoon and fuel")), "The lorry could not be fixed that day and the landlord charged EUR 500 for every late day; a van cost less than one.", null, null),
            new(Tell(people["ravi"].Id, teams["Customer Support"].Id, ruleBent, null, now.AddDays(-4),
                "Replacement laptop couriered overnight to a nurse before her exams",
                "A nurse's laptop, bought from us, died two days before her online exams; our repair queue was three weeks.",
                "I sent her a new one overnight and read her the order details on the phone so she could sign for it.",
                "She sat her exams on time and sent the old laptop back for repair.",
                new(2300m, "EUR", "Replacement laptop and overnight courier")), "Without a working laptop she would have lost a year of study; the repair returns the old one to stock.",
                "procedure", "She had changed her phone number, so I read her the order details before she passed the identity check."),
            new(Tell(people["lukas"].Id, teams["Field Service"].Id, null, elena, now.AddDays(-25),
                "A new boiler part fitted on Christmas Eve",
                "An elderly customer's heating failed on Christmas Eve and the part was not covered by his plan.",
                "I bought the part from a local merchant and fitted it the same evening.",
                "He had heat for Christmas with his grandchildren.",
                new(690m, "EUR", "Boiler part from a local merchant")), null, null, null),
            new(Tell(people["fatima"].Id, teams["Customer Support"].Id, null, sam, now.AddDays(-12),
                "A hotel night for a family whose flat flooded",
                "A family's flat flooded after our engineer's visit; the repair crew could only come the next morning.",
                "I booked them a family room nearby and a taxi there.",
                "They slept dry, and the repair was done before they came back.",
                new(1450m, "EUR", "Family hotel room and taxi")), null, null, null),
        ];
    }

    private static Story Tell(
        string authorId, int teamId, CareValue? value, string? reviewerId, DateTimeOffset happened,
        string title, string situation, string action, string outcome, Spend spend)
    {
        var story = new Story(authorId, new StoryContent(
            title, DateOnly.FromDateTime(happened.UtcDateTime), situation, action, null, outcome, spend.Amount, spend.Currency, spend.Purpose),
            happened.AddHours(20));
        story.SetTeams([teamId]);
        story.SetValues(value is null ? [] : [value.Id]);
        story.Submit(authorId, happened.AddDays(1));
        if (reviewerId is not null)
        {
            story.Publish(reviewerId, happened.AddDays(2));
        }

        return story;
    }
}
