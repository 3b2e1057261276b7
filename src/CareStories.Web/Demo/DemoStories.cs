using CareStories.Domain.Catalogue;

namespace CareStories.Web.Demo;

/// <summary>
/// The demo stories, in every status, told through the same domain methods the pages use, so the demo can never
/// hold a story the app itself would refuse. Dates are relative to the moment of seeding so the demo always looks
/// recent. All people, customers, places and words are invented.
/// </summary>
internal static partial class DemoStories
{
    private const string Support = "Customer Support";
    private const string Field = "Field Service";
    private const string Billing = "Billing";
    private const string Warehouse = "Warehouse & Logistics";
    private const string It = "IT Operations";

    private const string RuleBent = "Broke a rule for the customer";
    private const string WorkaroundFirst = "Workaround first";
    private const string FixedForGood = "Fixed it for good";
    private const string CrossTeam = "Cross-team help";
    private const string ListenedFirst = "Listened first";
    private const string OwnedIt = "Owned it end to end";

    /// <summary>A customer's words on a story, received some days after it happened.</summary>
    private sealed record Quote(string Text, QuoteSource Source, CustomerNaming Naming, string? Name = null, int DaysAfter = 0);

    /// <summary>One demo story and how far through its life it gets. People are the keys in <see cref="DemoData.People"/>.</summary>
    private sealed record Tale
    {
        public required string Author { get; init; }

        /// <summary>How long ago it happened; the rest of its life (writing, review) follows on from that day.</summary>
        public required int DaysAgo { get; init; }

        public required string Title { get; init; }

        public required string Situation { get; init; }

        public string? ImmediateAction { get; init; }

        public string? Prevention { get; init; }

        public string? Outcome { get; init; }

        /// <summary>Empty means the author credits themself.</summary>
        public string[] Heroes { get; init; } = [];

        public string[] Teams { get; init; } = [];

        public string[] Values { get; init; } = [];

        public Spend? Spend { get; init; }

        public Quote[] Quotes { get; init; } = [];

        public required StoryStatus EndsAs { get; init; }

        /// <summary>
        /// The reviewer's comment when sending it back. A story that ends published with a comment went through one
        /// round of changes first, so its history shows the resubmission.
        /// </summary>
        public string? SendBackComment { get; init; }

        public bool WithdrawnAfterPublishing { get; init; }

        /// <summary>A quick first note: the author has not got as far as the date yet.</summary>
        public bool DateLeftBlank { get; init; }

        /// <summary>Days between the event and starting the story; at least the latest quote's, as quotes cannot come from the future.</summary>
        public int WrittenAfterDays { get; init; } = 1;
    }

    public static IReadOnlyList<Story> Write(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyDictionary<string, CareValue> values,
        DateTimeOffset now)
    {
        // Published first: the index of a tale spreads its times, so the order is part of the demo.
        Tale[] tales = [.. PublishedTales, .. UnpublishedTales];
        var stories = new List<Story>();
        for (var index = 0; index < tales.Length; index++)
        {
            stories.Add(Tell(tales[index], index, people, teams, values, now));
        }

        db.Stories.AddRange(stories);
        return stories;
    }

    private static Story Tell(
        Tale tale,
        int index,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, Team> teams,
        IReadOnlyDictionary<string, CareValue> values,
        DateTimeOffset now)
    {
        var authorId = people[tale.Author].Id;
        var happened = now.AddDays(-tale.DaysAgo);
        var occurredOn = DateOnly.FromDateTime(happened.UtcDateTime);

        // Whole-day offsets from "now" keep every story's timeline identical whatever the time of day the demo is
        // seeded; the index only spreads times of day and review waits so the feed does not look machine-made.
        var at = happened.AddDays(tale.WrittenAfterDays).AddMinutes(index * 53 % 420);
        var story = new Story(authorId, new StoryContent(
            tale.Title, tale.DateLeftBlank ? null : occurredOn, tale.Situation, tale.ImmediateAction, tale.Prevention,
            tale.Outcome, tale.Spend?.Amount, tale.Spend?.Currency, tale.Spend?.Purpose), at);

        story.SetHeroes(tale.Heroes.Length == 0 ? [authorId] : tale.Heroes.Select(k => people[k].Id).ToList());
        story.SetTeams(tale.Teams.Select(name => teams[name].Id).ToList());
        story.SetValues(tale.Values.Select(name => values[name].Id).ToList());
        foreach (var quote in tale.Quotes)
        {
            at = at.AddMinutes(12);
            story.AddQuote(new QuoteDetails(
                quote.Text, quote.Source, occurredOn.AddDays(quote.DaysAfter), quote.Naming, quote.Name), at);
        }

        if (tale.EndsAs == StoryStatus.Draft)
        {
            return Checked(story, now);
        }

        at = at.AddDays(1).AddHours(2);
        story.Submit(authorId, at);
        var reviewerId = ReviewerFor(story, tale.Teams.Select(name => teams[name]), teams.Values);
        var reviewWait = TimeSpan.FromDays(1 + (index % 4)).Add(TimeSpan.FromHours(3));

        if (tale.SendBackComment is { } comment)
        {
            at = at.Add(reviewWait);
            story.RequestChanges(reviewerId, comment, at);
            if (tale.EndsAs == StoryStatus.ChangesRequested)
            {
                return Checked(story, now);
            }

            at = at.AddDays(1).AddHours(1);
            story.Submit(authorId, at);
            reviewWait = TimeSpan.FromHours(20);
        }

        switch (tale.EndsAs)
        {
            case StoryStatus.Submitted:
                break;
            case StoryStatus.Published:
                story.Publish(reviewerId, at.Add(reviewWait));
                break;
            case StoryStatus.Withdrawn when tale.WithdrawnAfterPublishing:
                at = at.Add(reviewWait);
                story.Publish(reviewerId, at);
                story.Withdraw(authorId, at.AddDays(12));
                break;
            case StoryStatus.Withdrawn:
                story.Withdraw(authorId, at.AddDays(1).AddHours(4));
                break;
            default:
                throw new InvalidOperationException($"Demo story '{tale.Title}' cannot end as {tale.EndsAs}.");
        }

        return Checked(story, now);
    }

    /// <summary>
    /// The reviewer the app would route the story to: a manager of the author's own teams, or, when those managers
    /// wrote or star in the story, a manager of another team on it. Nobody reviews their own praise.
    /// </summary>
    private static string ReviewerFor(Story story, IEnumerable<Team> storyTeams, IEnumerable<Team> allTeams) =>
        allTeams.Where(t => t.Memberships.Any(m => m.PersonId == story.AuthorId))
            .Concat(storyTeams)
            .SelectMany(t => t.Memberships)
            .Where(m => m.IsManager && m.PersonId != story.AuthorId && story.Heroes.All(h => h.PersonId != m.PersonId))
            .Select(m => m.PersonId)
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"Demo story '{story.Title}' has no manager who may review it.");

    // A story whose life runs past "now" would show events that have not happened yet; fail loudly while seeding.
    private static Story Checked(Story story, DateTimeOffset now) =>
        story.UpdatedAt <= now
            ? story
            : throw new InvalidOperationException(
                $"Demo story '{story.Title}' would end in the future; let it happen more days ago.");
}
