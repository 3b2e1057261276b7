using CareStories.Domain.Paging;
using CareStories.Domain.Thanks;

namespace CareStories.Web.Pages.Thanks;

/// <summary>
/// Thank-you links: the ones I may manage (mine; my teams' and their people's if I manage teams; every link for
/// an Admin), newest first, with how many thank-yous came through each.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, LinkGate gate, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    private static readonly Keyset<ThankYouLink, int> Newest = Keyset.NewestFirst((ThankYouLink l) => l.CreatedAt, l => l.Id);

    public IReadOnlyList<Row> Links { get; private set; } = [];

    public IReadOnlyDictionary<int, int> ThanksCounts { get; private set; } = new Dictionary<int, int>();

    public string? Search { get; private set; }

    /// <summary>Managers and Admins see many links, so they get a filter box.</summary>
    public bool CanSearch { get; private set; }

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public sealed record Row(
        int Id,
        string? PersonName,
        string? TeamName,
        string? Label,
        DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt)
    {
        public string Thanked => ThanksWording.Thanked(PersonName, TeamName);
    }

    public async Task OnGetAsync(string? q, string? after, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var viewer = await gate.ViewerAsync(this, cancellationToken);
        CanSearch = viewer.IsAdmin || viewer.ManagedTeamIds.Count > 0;
        var links = db.ThankYouLinks.AsNoTracking();
        if (!viewer.IsAdmin)
        {
            var me = viewer.PersonId;
            var managed = viewer.ManagedTeamIds.ToList();
            var managedPeople = db.TeamMemberships.Where(m => managed.Contains(m.TeamId)).Select(m => m.PersonId);
            links = links.Where(l =>
                l.PersonId == me
                || l.CreatedById == me
                || (l.TeamId != null && managed.Contains(l.TeamId.Value))
                || (l.PersonId != null && managedPeople.Contains(l.PersonId)));
        }

        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Search is not null)
        {
            // Capitals ignored in any alphabet on either database (see CareStoriesDbContext.TextSearchCollation).
            var term = Search.ToUpperInvariant();
            var collation = db.TextSearchCollation;
            links = links.Where(l =>
                (l.Person != null && EF.Functions.Collate(l.Person.DisplayName, collation).ToUpper().Contains(term))
                || (l.Team != null && EF.Functions.Collate(l.Team.Name, collation).ToUpper().Contains(term))
                || (l.Label != null && EF.Functions.Collate(l.Label, collation).ToUpper().Contains(term)));
        }

        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await links.ToPageAsync(
            Newest,
            key,
            PageSize,
            l => new Row(
                l.Id,
                l.Person == null ? null : l.Person.DisplayName,
                l.Team == null ? null : l.Team.Name,
                l.Label,
                l.CreatedAt,
                l.ExpiresAt,
                l.RevokedAt),
            cancellationToken);
        Next = page.Next?.ToString();

        Links = page.Items;
        if (Links.Count > 0)
        {
            // One grouped query for the whole page, however many links it shows.
            var ids = Links.Select(r => r.Id).ToList();
            ThanksCounts = await db.CustomerThanks.AsNoTracking()
                .Where(t => ids.Contains(t.LinkId))
                .GroupBy(t => t.LinkId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        }
    }

    public LinkState StateOf(Row row) => ThankYouLink.StateOf(row.ExpiresAt, row.RevokedAt, Now);
}
