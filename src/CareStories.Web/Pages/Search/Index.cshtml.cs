using System.Globalization;
using CareStories.Domain.Search;
using FeedPage = CareStories.Web.Pages.Feed.IndexModel;

namespace CareStories.Web.Pages.Search;

/// <summary>
/// Search across the stories the reader may open, ranked best first, with the words that matched highlighted. The
/// feed's filters narrow it, and everything (words, filters, page) is kept in the URL so a search can be shared.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, IStorySearch search, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public SearchTerms Terms { get; private set; } = SearchTerms.Read(null);

    public bool AnyWord { get; private set; }

    public FeedFilter Filter { get; private set; } = FeedFilter.None;

    public IReadOnlyList<FeedPage.TeamOption> Teams { get; private set; } = [];

    public IReadOnlyList<FeedPage.ValueOption> Values { get; private set; } = [];

    public IReadOnlyList<FeedPage.BadgeOption> Badges { get; private set; } = [];

    public IReadOnlyList<SearchMatch> Results { get; private set; } = [];

    public SearchKey? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(
        [FromQuery] string? q,
        [FromQuery] string? match,
        [FromQuery] int? team,
        [FromQuery] int? value,
        [FromQuery] int? badge,
        [FromQuery] string? kind,
        [FromQuery] string? period,
        [FromQuery] string? after,
        CancellationToken cancellationToken)
    {
        // As on the feed, a part of the address that does not parse is simply not applied; nothing here is an error.
        ModelState.Clear();
        Terms = SearchTerms.Read(q);
        AnyWord = string.Equals(match, "any", StringComparison.OrdinalIgnoreCase) && Terms.HasSeveral;

        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new FeedPage.TeamOption(t.Id, t.Name, t.Kind)).ToListAsync(cancellationToken);
        Values = await db.Values.AsNoTracking().OrderBy(v => v.IsRetired).ThenBy(v => v.Name)
            .Select(v => new FeedPage.ValueOption(v.Id, v.Name, v.IsRetired)).ToListAsync(cancellationToken);
        Badges = await db.Badges.AsNoTracking().OrderBy(b => b.IsRetired).ThenBy(b => b.Name)
            .Select(b => new FeedPage.BadgeOption(b.Id, b.Name, b.Emoji, b.Colour, b.IsRetired)).ToListAsync(cancellationToken);
        Filter = new FeedFilter(
            Teams.Any(t => t.Id == team) ? team : null,
            Values.Any(v => v.Id == value) ? value : null,
            Badges.Any(b => b.Id == badge) ? badge : null,
            Enum.GetValues<TeamKind>().Where(k => FeedPage.KindSlug(k) == kind).Select(k => (TeamKind?)k).FirstOrDefault(),
            Enum.GetValues<FeedPeriod>().Where(p => FeedPage.PeriodSlug(p) == period).Select(p => (FeedPeriod?)p).FirstOrDefault());

        if (Terms.IsEmpty)
        {
            return Page();
        }

        var key = SearchKey.Read(after);
        IsFirstPage = key is null;
        var viewer = await db.TeamMemberships.ViewerAsync(User.PersonId(), User.IsInRole(Roles.Admin), cancellationToken);
        var page = await search.SearchAsync(
            new SearchRequest(Terms, Filter, key, PageSize, time.GetUtcNow(), AnyWord), viewer, cancellationToken);
        Results = page.Matches;
        Next = page.Next;
        return Page();
    }

    /// <summary>This search's address with other words, filters or page; only what is set goes into the URL.</summary>
    public Dictionary<string, string> RouteFor(SearchKey? after = null, bool? anyWord = null, bool withFilters = true)
    {
        var route = new Dictionary<string, string> { ["q"] = Terms.Text };
        if (anyWord ?? AnyWord)
        {
            route["match"] = "any";
        }

        if (withFilters)
        {
            Add(route, "team", Filter.TeamId);
            if (Filter.TeamKind is { } k)
            {
                route["kind"] = FeedPage.KindSlug(k);
            }

            Add(route, "value", Filter.ValueId);
            Add(route, "badge", Filter.BadgeId);
            if (Filter.Period is { } p)
            {
                route["period"] = FeedPage.PeriodSlug(p);
            }
        }

        if (after is not null)
        {
            route["after"] = after.ToString();
        }

        return route;
    }

    /// <summary>What the filters narrow the search to, in words.</summary>
    public IReadOnlyList<string> FilterWords()
    {
        var words = new List<string>();
        if (Filter.TeamId is { } team)
        {
            words.Add(Teams.First(t => t.Id == team).Name);
        }

        if (Filter.TeamKind is { } kind)
        {
            words.Add(kind.Label());
        }

        if (Filter.ValueId is { } value)
        {
            words.Add(Values.First(v => v.Id == value).Name);
        }

        if (Filter.BadgeId is { } badge)
        {
            words.Add("Celebrated with " + Badges.First(b => b.Id == badge).Name);
        }

        if (Filter.Period is { } period)
        {
            words.Add("Published: " + period.Label().ToLowerInvariant());
        }

        return words;
    }

    public static string FieldLabel(SearchFieldKind kind) => kind switch
    {
        SearchFieldKind.Situation => "The customer's situation",
        SearchFieldKind.ImmediateAction => "What was done right away",
        SearchFieldKind.Prevention => "How a repeat is prevented",
        SearchFieldKind.Outcome => "The outcome for the customer",
        _ => "Story",
    };

    private static void Add(Dictionary<string, string> route, string name, int? id)
    {
        if (id is { } value)
        {
            route[name] = value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
