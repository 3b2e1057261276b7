using System.Globalization;
using CareStories.Domain.Paging;
using CareStories.Web.Freshness;

namespace CareStories.Web.Pages.Feed;

/// <summary>
/// The recognition feed: published stories newest first, featured ones pinned on top, filters kept in the URL so
/// a filtered feed can be shared. A page costs the same few SQL commands however many stories there are: the
/// three small filter lists, one for the page's keys, then one each for cards, heroes and celebrations by id.
/// Everything but the header is the same for every reader, so it is read once per change of the database's
/// <see cref="SharedContentStamp"/> and kept in <see cref="SharedContentCache"/> (its markup in a cache tag too).
/// </summary>
public sealed partial class IndexModel(CareStoriesDbContext db, TimeProvider time, SharedContentStamp stamp, SharedContentCache cache) : PageModel
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

    public FeedFilter Filter => Data.Filter;

    public IReadOnlyList<TeamOption> Teams => Data.Teams;

    public IReadOnlyList<ValueOption> Values => Data.Values;

    public IReadOnlyList<BadgeOption> Badges => Data.Badges;

    public IReadOnlyList<Card> Featured => Data.Featured;

    public IReadOnlyList<Card> Stories => Data.Stories;

    /// <summary>Done fixes within this page's window of time, newest first, merged among the stories (<see cref="Fixes.FeedFixes"/>).</summary>
    public IReadOnlyList<Fixes.FixCard> DoneFixes => Data.DoneFixes;

    /// <summary>The key of the next, older page; null on the last page.</summary>
    public PageKey? Next => Data.Next;

    public bool IsFirstPage { get; private set; }

    /// <summary>What the filters narrow the feed to, in words ("Billing", "Last 30 days"); empty when unfiltered.</summary>
    public IReadOnlyList<string> FilterWords => Data.FilterWords;

    /// <summary>
    /// What this page's shared part is filed under at <see cref="Stamp"/>, for the data and for the rendered markup
    /// (<see cref="SharedMarkupTagHelper"/>): everything that picks the page. Nothing about the reader is in it,
    /// because nothing about the reader is in that part of the page.
    /// </summary>
    public string CacheKey { get; private set; } = "";

    /// <summary>The database's change stamp this page was read at.</summary>
    public long Stamp { get; private set; }

    private FeedPageData Data { get; set; } = FeedPageData.Empty;

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

        var teamKind = kind is not null && Kinds.TryGetValue(kind, out var k) ? k : (TeamKind?)null;
        var feedPeriod = period is not null && Periods.TryGetValue(period, out var p) ? p : (FeedPeriod?)null;
        var after = FeedQueries.ByPublished.Read(before);
        IsFirstPage = after is null;

        // A period counts back from the start of the current minute, so everyone reading within that minute shares
        // one page; without a period the time does not change what the page shows.
        var now = time.GetUtcNow();
        now = feedPeriod is null ? now : new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"feed:{team}:{value}:{badge}:{teamKind}:{feedPeriod}:{after}:{(feedPeriod is null ? 0 : now.Ticks)}");
        var current = await stamp.CurrentAsync(User.PersonId(), cancellationToken);
        CacheKey = key;
        Stamp = current;
        var asked = new FeedAsked(team, value, badge, teamKind, feedPeriod, after, now);
        Data = await cache.GetOrLoadAsync(current, key, () => LoadAsync(asked, cancellationToken), FeedPageData.Kilobytes);
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

    private static List<string> Describe(FeedFilter filter, IReadOnlyList<TeamOption> teams, IReadOnlyList<ValueOption> values, IReadOnlyList<BadgeOption> badges)
    {
        var words = new List<string>();
        if (filter.TeamId is { } team)
        {
            words.Add(teams.First(t => t.Id == team).Name);
        }

        if (filter.TeamKind is { } kind)
        {
            words.Add(kind.Label());
        }

        if (filter.ValueId is { } value)
        {
            words.Add(values.First(v => v.Id == value).Name);
        }

        if (filter.BadgeId is { } badge)
        {
            words.Add("Celebrated with " + badges.First(b => b.Id == badge).Name);
        }

        if (filter.Period is { } period)
        {
            words.Add(period.Label());
        }

        return words;
    }
}
