using CareStories.Domain.Catalogue;
using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Feed;

// The feed's read model: the filter options and the cards, and the query that builds a page of cards.
public sealed partial class IndexModel
{
    private const int QuoteLength = 220;

    // Enough of each text to cut an excerpt at a word; the rest of a long story never leaves the database.
    private const int FetchedTextLength = ExcerptLength + 40;

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

        /// <summary>The stamp the card's markup is cached under: its story's own (<see cref="CachedCardsAsync"/>).</summary>
        public long MarkupStamp { get; init; }

        /// <summary>What the card's markup is cached under at <see cref="MarkupStamp"/>; empty: not cached.</summary>
        public string MarkupKey { get; init; } = "";
    }

    public sealed record HeroCard(string Id, string Name, IReadOnlyList<string> Teams, string? PhotoKey = null);

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

    private sealed record HeroRow(int StoryId, string PersonId, string Name, string? PhotoKey, List<int> TeamIds);

    private sealed record CelebrationRow(int StoryId, int BadgeId, int Count);

    /// <summary>The cards for these stories in three commands, whatever their number of heroes, teams or badges.</summary>
    private async Task<Dictionary<int, Card>> CardsAsync(
        List<int> ids, Dictionary<int, TeamOption> teams, Dictionary<int, BadgeOption> badges, CancellationToken cancellationToken)
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
            .Select(h => new HeroRow(h.StoryId, h.PersonId, h.Person.DisplayName, h.Person.PhotoKey, h.Person.Memberships.Select(m => m.TeamId).ToList()))
            .ToListAsync(cancellationToken))
            .ToLookup(h => h.StoryId);

        var celebrations = (await db.Celebrations.AsNoTracking()
            .Where(c => ids.Contains(c.StoryId))
            .GroupBy(c => new { c.StoryId, c.BadgeId })
            .Select(g => new CelebrationRow(g.Key.StoryId, g.Key.BadgeId, g.Count()))
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.StoryId);

        return rows.ToDictionary(r => r.Id, r => new Card(
            r.Id,
            r.Title,
            Excerpt($"{r.Situation} {r.Outcome}", ExcerptLength),
            r.PublishedAt ?? DateTimeOffset.MinValue,
            [.. heroes[r.Id].Select(h => new HeroCard(
                h.PersonId,
                h.Name,
                [.. h.TeamIds.Where(teams.ContainsKey).Select(id => teams[id].Name).Order(StringComparer.CurrentCulture)],
                h.PhotoKey))],
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
