namespace CareStories.Web.Pages.Huddle;

/// <summary>
/// The huddle screen: the team's story of the day (chosen by today's date from the injected clock), or the one the
/// next/previous buttons and arrow keys moved to. A story outside the team's round is a 404.
/// </summary>
public sealed class ShowModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public int TeamId { get; private set; }

    public string TeamName { get; private set; } = "";

    public HuddleStory? Story { get; private set; }

    public bool IsStoryOfTheDay { get; private set; }

    public int Position { get; private set; }

    public int RoundSize { get; private set; }

    public int? PreviousId { get; private set; }

    public int? NextId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int team, int? story, CancellationToken cancellationToken)
    {
        var name = await db.Teams.AsNoTracking().Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        TeamId = team;
        TeamName = name;
        var round = await HuddleQueries.RoundAsync(db, team, cancellationToken);
        RoundSize = round.Count;
        if (round.Count == 0)
        {
            return story is null ? Page() : NotFound();
        }

        var today = HuddleQueries.StoryOfTheDay(round.Count, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var index = story is { } id ? round.IndexOf(id) : today;
        if (index < 0)
        {
            return NotFound();
        }

        IsStoryOfTheDay = index == today;
        Position = index + 1;
        Story = await HuddleQueries.StoryAsync(db, round[index], cancellationToken);
        if (Story is null)
        {
            return NotFound();
        }

        if (round.Count > 1)
        {
            // Round and round: after the last story comes the first again.
            NextId = round[(index + 1) % round.Count];
            PreviousId = round[(index - 1 + round.Count) % round.Count];
        }

        return Page();
    }
}
