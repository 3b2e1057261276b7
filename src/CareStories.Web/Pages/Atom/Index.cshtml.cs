using CareStories.Domain.Feeds;

namespace CareStories.Web.Pages.Atom;

/// <summary>
/// The Atom feed of published stories, all of them or one team's, at a person's secret address (no sign-in: feed
/// readers and chat connectors cannot sign in). A secret nobody holds, reset or of someone deactivated is a 404,
/// the same answer as an address that never existed.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int Entries = 30;

    public async Task<IActionResult> OnGetAsync(string secret, int? team, CancellationToken cancellationToken)
    {
        var hash = FeedAddress.HashOf(secret);
        var known = await db.FeedAddresses.AsNoTracking()
            .AnyAsync(f => f.SecretHash == hash && db.Users.Any(p => p.Id == f.PersonId && p.DeactivatedAt == null), cancellationToken);
        if (!known)
        {
            return NotFound();
        }

        string? teamName = null;
        if (team is { } teamId)
        {
            teamName = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (teamName is null)
            {
                return NotFound();
            }
        }

        var stories = await AtomQueries.PublishedAsync(db, team, Entries, cancellationToken);
        var alternate = Url.PageLink("/Feed/Index", values: team is null ? null : new { team }) ?? "";
        var xml = AtomWriter.Write(
            teamName is null ? "CareStories: published stories" : $"CareStories: {teamName}",
            alternate,
            Url.PageLink(values: new { secret, team }) ?? "",
            alternate,
            time.GetUtcNow(),
            stories,
            id => Url.PageLink("/Stories/Details", values: new { id }) ?? "");
        // A feed reader polls; a secret address must not sit in shared caches.
        Response.Headers.CacheControl = "private, max-age=300";
        return Content(xml, AtomWriter.ContentType);
    }
}
