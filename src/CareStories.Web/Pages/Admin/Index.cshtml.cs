namespace CareStories.Web.Pages.Admin;

/// <summary>The administrator's start page: people, teams and values, with how many of each there are.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public Summary Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public sealed record Summary(int People, int Teams, int TeamsWithoutManager, int ValuesInUse, int ValuesRetired);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = new Summary(
            await db.Users.CountAsync(cancellationToken),
            await db.Teams.CountAsync(cancellationToken),
            await db.Teams.CountAsync(t => !t.Memberships.Any(m => m.IsManager), cancellationToken),
            await db.Values.CountAsync(v => !v.IsRetired, cancellationToken),
            await db.Values.CountAsync(v => v.IsRetired, cancellationToken));
    }
}
