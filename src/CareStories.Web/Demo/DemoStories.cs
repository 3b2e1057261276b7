using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.People;
using CareStories.Domain.Stories;

namespace CareStories.Web.Demo;

/// <summary>The demo stories, in every status, told through the same domain methods the pages use.</summary>
internal static class DemoStories
{
    public static void Write(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyDictionary<string, CareValue> values,
        DateTimeOffset now)
    {
        var story = new Story(people["employee"].Id, new StoryContent(
            "The report that had to reach the boss in ten minutes", DateOnly.FromDateTime(now.UtcDateTime.AddDays(-3)),
            "A customer's printer died ten minutes before her quarterly report was due on her director's desk.",
            "I emailed the PDF to the hotel's business centre next to her office and had it printed there.",
            null,
            "The report arrived with two minutes to spare.",
            null, null, null), now.AddDays(-3));
        story.SetTeams([teams["Customer Support"].Id]);
        story.SetValues([values["Workaround first"].Id]);
        db.Stories.Add(story);
    }
}
