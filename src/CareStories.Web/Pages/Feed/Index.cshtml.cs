using System.Globalization;
using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Feed;

/// <summary>
/// The recognition feed: published stories newest first, featured ones pinned on top, filters kept in the URL so
/// a filtered feed can be shared. A page costs the same few SQL commands however many stories there are: the
/// three small filter lists, one for the page's keys, then one each for cards, heroes and celebrations by id.
/// </summary>
public sealed partial class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;
    public const int ExcerptLength = 200;

    private static readonly IReadOnlyDictionary<string, TeamKind> Kinds = new Dictionary<string, TeamKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["customer-facing"] = TeamKind.CustomerFacing,
        ["behind-the-scenes"] = TeamKind.BehindTheScenes,
    };

    private static readonly IReadOnlyDictionary<string, FeedPeriod> Periods = new Dictionary<string, FeedPeriod>(StringComparer.OrdinalIgnoreCase)
    {
        ["7d"] = FeedPeriod.Last7Days,
        ["30d"] = FeedPeriod.Last30Days,
        ["90d"] = FeedPeriod.Last90Days,
        ["12m"] = FeedPeriod.Last12Months,
    };

    public FeedFilter Filter { get; private set; } = FeedFilter.None;

    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];

    public IReadOnlyList<ValueOption> Values { get; private set; } = [];

    public IReadOnlyList<BadgeOption> Badges { get; private set; } = [];

    public IReadOnlyList<Card> Featured { get; private set; } = [];

    public IReadOnlyList<Card> Stories { get; private set; } = [];

    /// <summary>Done fixes within this page's window of time, newest first, merged among the stories (<see cref="Fixes.FeedFixes"/>).</summary>
    public IReadOnlyList<Fixes.FixCard> DoneFixes { get; private set; } = [];

    /// <summary>The key of the next, older page; null on the last page.</summary>
    public PageKey? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    /// <summary>What the filters narrow the feed to, in words ("Billing", "Last 30 days"); empty when unfiltered.</summary>
    public IReadOnlyList<string> FilterWords { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(
        [FromQuery] int? team,
        [FromQuery] int? value,
        [FromQuery] int? badge,
        [FromQuery] string? kind,
        [FromQuery] string? period,
        [FromQuery] string? before,
        CancellationToken cancellationToken)
    {
        // A link with a value that does not parse (team=abc) is not the reader's mistake to fix: that filter is
        // simply not applied, and nothing on the page is an error.
        ModelState.Clear();

        Teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name, t.Kind))
            .ToListAsync(cancellationToken);
        Values = await db.Values.AsNoTracking()
            .OrderBy(v => v.IsRetired).ThenBy(v => v.Name)
            .Select(v => new ValueOption(v.Id, v.Name, v.IsRetired))
            .ToListAsync(cancellationToken);
        Badges = await db.Badges.AsNoTracking()
            .OrderBy(b => b.IsRetired).ThenBy(b => b.Name)
            .Select(b => new BadgeOption(b.Id, b.Name, b.Emoji, b.Colour, b.IsRetired))
            .ToListAsync(cancellationToken);

        // Only filters that name something that exists count: an old link to a team that is gone shows everything.
        Filter = new FeedFilter(
            Teams.Any(t => t.Id == team) ? team : null,
            Values.Any(v => v.Id == value) ? value : null,
            Badges.Any(b => b.Id == badge) ? badge : null,
            kind is not null && Kinds.TryGetValue(kind, out var k) ? k : null,
            period is not null && Periods.TryGetValue(period, out var p) ? p : null);
        FilterWords = Describe(Filter);

        var after = FeedQueries.ByPublished.Read(before);
        IsFirstPage = after is null;
        var keys = await db.Stories.AsNoTracking()
            .FeedPage(db, Filter, after, time.GetUtcNow(), PageSize)
            .ToListAsync(cancellationToken);
        var featuredKeys = keys.Where(k => k.IsFeatured).OrderByDescending(k => k.FeaturedAt).ThenByDescending(k => k.Id).ToList();
        var list = Keyset.PageOf(
            [.. keys.Where(k => !k.IsFeatured).OrderByDescending(k => k.PublishedAt).ThenByDescending(k => k.Id)],
            PageSize,
            k => k.Key);
        Next = list.Next;

        var cards = await CardsAsync([.. featuredKeys.Select(k => k.Id), .. list.Items.Select(k => k.Id)], cancellationToken);
        Featured = [.. featuredKeys.Select(k => cards[k.Id])];
        Stories = [.. list.Items.Select(k => cards[k.Id])];
        DoneFixes = await Fixes.FeedFixes.InWindowAsync(db, Filter, list.Next?.At, after?.At, time.GetUtcNow(), cancellationToken);
        return Page();
    }

    /// <summary>The link to another page of this same filtered feed, its parameters in the filter form's order.</summary>
    public Dictionary<string, string> RouteFor(PageKey? before = null)
    {
        var route = new Dictionary<string, string>();
        if (Filter.TeamId is { } team)
        {
            route["team"] = team.ToString(CultureInfo.InvariantCulture);
        }

        if (Filter.TeamKind is { } kind)
        {
            route["kind"] = KindSlug(kind);
        }

        if (Filter.ValueId is { } value)
        {
            route["value"] = value.ToString(CultureInfo.InvariantCulture);
        }

        if (Filter.BadgeId is { } badge)
        {
            route["badge"] = badge.ToString(CultureInfo.InvariantCulture);
        }

        if (Filter.Period is { } period)
        {
            route["period"] = PeriodSlug(period);
        }

        if (before is { } key)
        {
            route["before"] = key.ToString();
        }

        return route;
    }

    public static string KindSlug(TeamKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static string PeriodSlug(FeedPeriod period) => Periods.First(p => p.Value == period).Key;

    /// <summary>How to find more when the filters match nothing: the ways to widen them, as one sentence.</summary>
    public string WidenHint()
    {
        var ways = new List<string>();
        if (Filter.Period is not null)
        {
            ways.Add("clear the period");
        }

        if (Filter.TeamId is not null)
        {
            ways.Add("choose another team");
        }

        if (Filter.ValueId is not null)
        {
            ways.Add("choose another value");
        }

        if (Filter.BadgeId is not null)
        {
            ways.Add("choose another badge");
        }

        if (Filter.TeamKind is not null)
        {
            ways.Add("show both kinds of team");
        }

        var sentence = ways.Count > 1 ? string.Join(", ", ways[..^1]) + " or " + ways[^1] : ways.FirstOrDefault() ?? "clear the filters";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    /// <summary>The start of a text, cut at the last whole word that fits, with an ellipsis if anything was cut.</summary>
    public static string Excerpt(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max);
        var head = (cut > max / 2 ? flat[..cut] : flat[..max]).TrimEnd(',', ';', ':', '.', '-', '\u2013', '\u2014', ' ');
        return head + "\u2026";
    }

    private IReadOnlyList<string> Describe(FeedFilter filter)
    {
        var words = new List<string>();
        if (filter.TeamId is { } team)
        {
            words.Add(Teams.First(t => t.Id == team).Name);
        }

        if (filter.TeamKind is { } kind)
        {
            words.Add(kind.Label());
        }

        if (filter.ValueId is { } value)
        {
            words.Add(Values.First(v => v.Id == value).Name);
        }

        if (filter.BadgeId is { } badge)
        {
            words.Add("Celebrated with " + Badges.First(b => b.Id == badge).Name);
        }

        if (filter.Period is { } period)
        {
            words.Add(period.Label());
        }

        return words;
    }
}
