using System.Globalization;
using CareStories.Domain.Freshness;

namespace CareStories.Web.Pages.Feed;

// A feed page's cards, kept per story: a rebuild of the page after an applause re-reads and re-renders only that card.
public sealed partial class IndexModel
{
    /// <summary>The filter lists, the same for every page of the feed: kept under the stamp of changes not about stories.</summary>
    private sealed record Catalogue(IReadOnlyList<TeamOption> Teams, IReadOnlyList<ValueOption> Values, IReadOnlyList<BadgeOption> Badges)
    {
        public static long Kilobytes(Catalogue catalogue) => 1 + ((catalogue.Teams.Count + catalogue.Values.Count + catalogue.Badges.Count) / 8);
    }

    /// <summary>
    /// The stamp of shown changes that are not about particular stories (<see cref="StoryStamps.OtherContentId"/>): a
    /// person's name or photo or teams, a team, value or badge. Read before the catalogue and the cards it guards.
    /// </summary>
    private async Task<long> OtherContentStampAsync(CancellationToken cancellationToken) =>
        await db.ChangeStamps.AsNoTracking()
            .Where(s => s.Id == StoryStamps.OtherContentId)
            .Select(s => (long?)s.Value)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    private async Task<Catalogue> CatalogueAsync(long other, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync(other, "feed:catalogue", async () => new Catalogue(
            await db.Teams.AsNoTracking()
                .OrderBy(t => t.Name)
                .Select(t => new TeamOption(t.Id, t.Name, t.Kind))
                .ToListAsync(cancellationToken),
            await db.Values.AsNoTracking()
                .OrderBy(v => v.IsRetired).ThenBy(v => v.Name)
                .Select(v => new ValueOption(v.Id, v.Name, v.IsRetired))
                .ToListAsync(cancellationToken),
            await db.Badges.AsNoTracking()
                .OrderBy(b => b.IsRetired).ThenBy(b => b.Name)
                .Select(b => new BadgeOption(b.Id, b.Name, b.Emoji, b.Colour, b.IsRetired))
                .ToListAsync(cancellationToken)), Catalogue.Kilobytes);

    /// <summary>
    /// The cards of these stories. A card shows its story and what hangs off it (applause, comments, quotes, photos,
    /// heroes, teams, celebrations), whose saves renew the story's own stamp, and names of people, teams and badges,
    /// whose saves renew <paramref name="other"/>. So each card is kept under both (read before the cards) and only the
    /// cards whose story changed since are read again, in the same three commands whatever their number.
    /// </summary>
    private async Task<Dictionary<int, Card>> CachedCardsAsync(
        List<int> ids, long other, Dictionary<int, TeamOption> teams, Dictionary<int, BadgeOption> badges, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || !cache.Enabled)
        {
            return await CardsAsync(ids, teams, badges, cancellationToken);
        }

        var rows = ids.Select(StoryStamps.IdOf).ToList();
        var stamps = await db.ChangeStamps.AsNoTracking()
            .Where(s => rows.Contains(s.Id))
            .ToDictionaryAsync(s => -s.Id, s => s.Value, cancellationToken);

        var cards = new Dictionary<int, Card>();
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (cache.TryGet(stamps.GetValueOrDefault(id), CardKey(id, other), out Card? card))
            {
                cards[id] = card;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var (id, read) in await CardsAsync(missing, teams, badges, cancellationToken))
        {
            // The card and its markup (_FeedCard) under the same stamp and key: the story's stamp changes with every
            // applause, so it is the stamp (the cache keeps one per key), and the rarely renewed other one is in the key.
            var (stamp, key) = (stamps.GetValueOrDefault(id), CardKey(id, other));
            var card = read with { MarkupStamp = stamp, MarkupKey = key };
            cache.Set(stamp, key, card, 2);
            cards[id] = card;
        }

        return cards;
    }

    // A story whose stamp row is not made yet (never changed since it was written) reads as 0.
    private static string CardKey(int id, long other) =>
        string.Create(CultureInfo.InvariantCulture, $"feed-card:{id}:{other}");
}
