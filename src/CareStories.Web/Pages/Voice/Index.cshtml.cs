using CareStories.Domain.Paging;
using CareStories.Domain.Thanks;
using CareStories.Web.Thanks;

namespace CareStories.Web.Pages.Voice;

/// <summary>
/// Customer voice: the approved thank-yous for the teams the signed-in person belongs to, newest first, in the
/// words (and with the name) their quotes now carry. Leaders and Admins read every team's.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 20;

    private static readonly Keyset<CustomerThanks, int> Newest = Keyset.NewestFirst((CustomerThanks t) => t.ReceivedAt, t => t.Id);

    public IReadOnlyList<Row> Thanks { get; private set; } = [];

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public int? TeamId { get; private set; }

    public bool SeesAll { get; private set; }

    public bool IsAdmin { get; private set; }

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public sealed record TeamChoice(int Id, string Name);

    public sealed record Row(
        int Id,
        int QuoteId,
        string Text,
        bool IsTextRedacted,
        CustomerNaming Naming,
        string? CustomerName,
        string? PersonId,
        string? PersonName,
        string? TeamName,
        DateTimeOffset ReceivedAt,
        int StoryId,
        string StoryTitle,
        bool StoryIsPublished)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);
    }

    public async Task OnGetAsync(int? team, string? after, CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        IsAdmin = User.IsInRole(Roles.Admin);
        SeesAll = IsAdmin || User.IsInRole(Roles.Leader);

        Teams = SeesAll
            ? await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(cancellationToken)
            : await db.TeamMemberships.AsNoTracking().Where(m => m.PersonId == me)
                .OrderBy(m => m.Team.Name).Select(m => new TeamChoice(m.TeamId, m.Team.Name)).ToListAsync(cancellationToken);
        TeamId = team is { } chosen && Teams.Any(t => t.Id == chosen) ? chosen : null;

        var approved = db.CustomerThanks.AsNoTracking()
            .Where(t => t.Status == ThanksStatus.Approved && t.QuoteId != null);
        if (!SeesAll)
        {
            approved = approved.ForTeamsOf(db, me);
        }

        if (TeamId is { } teamId)
        {
            approved = approved.ForTeam(db, teamId);
        }

        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await approved.ToPageAsync(
            Newest,
            key,
            PageSize,
            t => new Row(
                t.Id,
                t.Quote!.Id,
                t.Quote.Text,
                t.Quote.IsTextRedacted,
                t.Quote.Naming,
                t.Quote.CustomerName,
                t.PersonId,
                t.Person != null ? t.Person.DisplayName : null,
                t.Team != null ? t.Team.Name : null,
                t.ReceivedAt,
                t.Quote.StoryId,
                db.Stories.Where(s => s.Id == t.Quote.StoryId).Select(s => s.Title).First(),
                db.Stories.Any(s => s.Id == t.Quote.StoryId && s.Status == StoryStatus.Published)),
            cancellationToken);

        Next = page.Next?.ToString();
        Thanks = page.Items;
    }
}
