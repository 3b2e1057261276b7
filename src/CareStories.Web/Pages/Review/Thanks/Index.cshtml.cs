using CareStories.Domain.Paging;
using CareStories.Domain.Thanks;
using CareStories.Web.Thanks;

namespace CareStories.Web.Pages.Review.Thanks;

/// <summary>
/// Customers' thank-yous waiting for the signed-in manager (their teams' people and teams) or Admin (all), oldest
/// first. Thank-yous to the manager themselves are left for another manager and not listed.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 20;

    // Oldest first: the customers who have waited longest lead.
    private static readonly Keyset<CustomerThanks, int> LongestWaiting = Keyset.OldestFirst((CustomerThanks t) => t.ReceivedAt, t => t.Id);

    public IReadOnlyList<Row> Thanks { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public sealed record Row(int Id, string Text, CustomerNaming Naming, string? CustomerName, string? PersonName, string? TeamName, DateTimeOffset ReceivedAt)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);

        public string For => PersonName ?? $"the {TeamName} team";
    }

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        IsAdmin = User.IsInRole(Roles.Admin);
        var waiting = db.CustomerThanks.AsNoTracking()
            .Where(t => t.Status == ThanksStatus.Waiting)
            .DecidableBy(db, me, IsAdmin);

        var key = LongestWaiting.Read(after);
        IsFirstPage = key is null;
        var page = await waiting.ToPageAsync(
            LongestWaiting,
            key,
            PageSize,
            t => new Row(
                t.Id,
                t.Text,
                t.Naming,
                t.CustomerName,
                t.Person != null ? t.Person.DisplayName : null,
                t.Team != null ? t.Team.Name : null,
                t.ReceivedAt),
            cancellationToken);

        Next = page.Next?.ToString();
        Thanks = page.Items;
    }
}
