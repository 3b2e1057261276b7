using System.Globalization;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Paging;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Feed;

/// <summary>
/// The recognition feed: published stories newest first, featured ones pinned on top, filters kept in the URL so
/// a filtered feed can be shared. A page costs the same few SQL commands however many stories there are: the
/// three small filter lists, one for the page's keys, then one each for cards, heroes and celebrations by id.
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;
    public const int ExcerptLength = 200;
    private const int QuoteLength = 220;

    // Enough of each text to cut an excerpt at a word; the rest of a long story never leaves the database.
    private const int FetchedTextLength = ExcerptLength + 40;

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

    /// <summary>The key of the next, older page; null on the last page.</summary>
    public PageKey? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    /// <summary>What the filters narrow the feed to, in words ("Billing", "Last 30 days"); empty when unfiltered.</summary>
    public IReadOnlyList<string> FilterWords { get; private set; } = [];

    public sealed record TeamOption(int Id, string Name, TeamKind Kind);

    public sealed record ValueOption(int Id, string Name, bool IsRetired);

    public sealed record BadgeOption(int Id, string Name, string? Emoji, BadgeColour Colour, bool IsRetired)
    {
        public string Label => Emoji is null ? Name : $"{Emoji} {Name}";
    }

    public sealed record Card(
        int Id,
        string Title,
        string Excerpt,
        DateTimeOffset PublishedAt,
        IReadOnlyList<HeroCard> Heroes,
        IReadOnlyList<TeamOption> Teams,
        QuoteCard? Quote,
        IReadOnlyList<BadgeCount> Badges,
        int Applause,
        int Comments,
        PhotoCard? Photo = null)
    {
        public IEnumerable<TeamKind> Kinds => Teams.Select(t => t.Kind).Distinct().Order();

        /// <summary>Each person celebrates a story once, so the celebrations are the celebrators.</summary>
        public int Celebrators => Badges.Sum(b => b.Count);
    }

    public sealed record HeroCard(string Id, string Name, IReadOnlyList<string> Teams);

    public sealed record QuoteCard(string Text, string Attribution);

    /// <summary>The story's first photo, shown as its thumbnail.</summary>
    public sealed record PhotoCard(string Key, string AltText, int Width, int Height)
    {
        public string Path => PhotoPaths.For(Key, PhotoVariant.Thumb);
    }

    public sealed record BadgeCount(BadgeOption Badge, int Count);

    private sealed record CardRow(
        int Id,
        string Title,
        string? Situation,
        string? Outcome,
        DateTimeOffset? PublishedAt,
        int Applause,
        int Comments,
        string? QuoteText,
        CustomerNaming? QuoteNaming,
        string? QuoteName,
        List<int> TeamIds,
        PhotoRow? Photo);

    private sealed record PhotoRow(string Key, string AltText, int Width, int Height);

    private sealed record HeroRow(int StoryId, string PersonId, string Name, List<int> TeamIds);

    private sealed record CelebrationRow(int StoryId, int BadgeId, int Count);

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

    /// <summary>The cards for these stories in three commands, whatever their number of heroes, teams or badges.</summary>
    private async Task<Dictionary<int, Card>> CardsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Stories.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new CardRow(
                s.Id,
                s.Title,
                s.Situation!.Substring(0, FetchedTextLength),
                s.Outcome!.Substring(0, FetchedTextLength),
                s.PublishedAt,
                db.Applause.Count(a => a.StoryId == s.Id),
                db.Comments.Count(c => c.StoryId == s.Id && c.HiddenAt == null),
                s.Quotes.Where(q => !q.IsTextRedacted).OrderByDescending(q => q.ReceivedOn).ThenByDescending(q => q.Id)
                    .Select(q => q.Text.Substring(0, QuoteLength + 40)).FirstOrDefault(),
                s.Quotes.Where(q => !q.IsTextRedacted).OrderByDescending(q => q.ReceivedOn).ThenByDescending(q => q.Id)
                    .Select(q => (CustomerNaming?)q.Naming).FirstOrDefault(),
                s.Quotes.Where(q => !q.IsTextRedacted).OrderByDescending(q => q.ReceivedOn).ThenByDescending(q => q.Id)
                    .Select(q => q.CustomerName).FirstOrDefault(),
                s.Teams.Select(t => t.TeamId).ToList(),
                // The first photo in the same command as the card, so a page of cards costs no more commands.
                s.Photos.OrderBy(p => p.Position).ThenBy(p => p.Id)
                    .Select(p => new PhotoRow(p.StorageKey, p.AltText, p.ThumbnailWidth, p.ThumbnailHeight)).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var heroes = (await db.Set<StoryHero>().AsNoTracking()
            .Where(h => ids.Contains(h.StoryId))
            .OrderBy(h => h.Person.DisplayName)
            .Select(h => new HeroRow(h.StoryId, h.PersonId, h.Person.DisplayName, h.Person.Memberships.Select(m => m.TeamId).ToList()))
            .ToListAsync(cancellationToken))
            .ToLookup(h => h.StoryId);

        var celebrations = (await db.Celebrations.AsNoTracking()
            .Where(c => ids.Contains(c.StoryId))
            .GroupBy(c => new { c.StoryId, c.BadgeId })
            .Select(g => new CelebrationRow(g.Key.StoryId, g.Key.BadgeId, g.Count()))
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.StoryId);

        var teams = Teams.ToDictionary(t => t.Id);
        var badges = Badges.ToDictionary(b => b.Id);
        return rows.ToDictionary(r => r.Id, r => new Card(
            r.Id,
            r.Title,
            Excerpt($"{r.Situation} {r.Outcome}", ExcerptLength),
            r.PublishedAt ?? DateTimeOffset.MinValue,
            [.. heroes[r.Id].Select(h => new HeroCard(
                h.PersonId,
                h.Name,
                [.. h.TeamIds.Where(teams.ContainsKey).Select(id => teams[id].Name).Order(StringComparer.CurrentCulture)]))],
            [.. r.TeamIds.Where(teams.ContainsKey).Select(id => teams[id]).OrderBy(t => t.Name, StringComparer.CurrentCulture)],
            r.QuoteText is { } text && r.QuoteNaming is { } naming
                ? new QuoteCard(Excerpt(text, QuoteLength), QuoteText.Attribution(naming, r.QuoteName))
                : null,
            [.. celebrations[r.Id].Where(c => badges.ContainsKey(c.BadgeId))
                .Select(c => new BadgeCount(badges[c.BadgeId], c.Count))
                .OrderByDescending(b => b.Count).ThenBy(b => b.Badge.Name, StringComparer.CurrentCulture)],
            r.Applause,
            r.Comments,
            r.Photo is { } photo ? new PhotoCard(photo.Key, photo.AltText, photo.Width, photo.Height) : null));
    }
}
