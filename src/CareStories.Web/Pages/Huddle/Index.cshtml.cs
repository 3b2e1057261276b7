namespace CareStories.Web.Pages.Huddle;

/// <summary>Choose the team whose huddle to show; the person's own teams come first.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public sealed record TeamChoice(int Id, string Name, bool IsMine, int Stories);

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var published = db.Stories.PublishedFeed();
        Teams = await db.Teams.AsNoTracking()
            .OrderByDescending(t => t.Memberships.Any(m => m.PersonId == me)).ThenBy(t => t.Name)
            .Select(t => new TeamChoice(
                t.Id,
                t.Name,
                t.Memberships.Any(m => m.PersonId == me),
                published.Count(s => s.Teams.Any(x => x.TeamId == t.Id))))
            .ToListAsync(cancellationToken);
    }
}
