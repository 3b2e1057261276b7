using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Huddle;

/// <summary>One story as the huddle screen shows it: big, with one customer quote and one photo.</summary>
public sealed record HuddleStory(
    int Id,
    string Title,
    string Summary,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Heroes,
    HuddleQuote? Quote,
    HuddlePhoto? Photo);

public sealed record HuddleQuote(string Text, string Attribution);

public sealed record HuddlePhoto(string Key, string AltText, int Width, int Height)
{
    public string Path => PhotoPaths.For(Key, PhotoVariant.Display);
}

/// <summary>
/// Which stories a team's huddle goes through, and which one is "the story of the day": the team's newest published
/// stories, and of those the one the date picks, the same all day for everyone, a different one the next day.
/// </summary>
public static class HuddleQueries
{
    /// <summary>The huddle goes round the team's newest stories; older ones are in the feed.</summary>
    public const int Pool = 30;

    /// <summary>The team's newest published stories, newest first: the huddle's round.</summary>
    public static Task<List<int>> RoundAsync(CareStoriesDbContext db, int teamId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking().PublishedFeed()
            .Where(s => s.Teams.Any(t => t.TeamId == teamId))
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(Pool)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The place in the round of the story of <paramref name="day"/>: the day's number, round the round.</summary>
    public static int StoryOfTheDay(int roundSize, DateOnly day) => roundSize == 0 ? -1 : day.DayNumber % roundSize;

    public static async Task<HuddleStory?> StoryAsync(CareStoriesDbContext db, int storyId, CancellationToken cancellationToken)
    {
        var row = await db.Stories.AsNoTracking().PublishedFeed()
            .Where(s => s.Id == storyId)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.Situation,
                s.ImmediateAction,
                s.PublishedAt,
                Heroes = s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => h.Person.DisplayName).ToList(),
                Quote = s.Quotes.Where(q => !q.IsTextRedacted).OrderByDescending(q => q.ReceivedOn).ThenByDescending(q => q.Id)
                    .Select(q => new { q.Text, q.Naming, q.CustomerName }).FirstOrDefault(),
                Photo = s.Photos.OrderBy(p => p.Position).ThenBy(p => p.Id)
                    .Select(p => new HuddlePhoto(p.StorageKey, p.AltText, p.Width, p.Height)).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new HuddleStory(
                row.Id,
                row.Title,
                Feed.IndexModel.Excerpt($"{row.Situation} {row.ImmediateAction}", 320),
                row.PublishedAt!.Value,
                row.Heroes,
                row.Quote is { } q ? new HuddleQuote(q.Text, QuoteText.Attribution(q.Naming, q.CustomerName)) : null,
                row.Photo);
    }
}
