using System.Collections.Concurrent;
using System.Globalization;
using CareStories.Domain.Data;

namespace CareStories.Domain.Insights;

/// <summary>
/// Insights' figures for the months of a period that are over, kept in this app instance's memory under
/// <see cref="InsightsHistory"/>'s stamp, so a page reads from the database only the month under way. A year of a
/// whole company is some 40,000 decisions and 100,000 applause, celebrations and submissions, read again on every
/// page although nearly nothing people do changes a month that is over; what does renews the stamp in the same save
/// (<see cref="InsightsHistory"/> lists it), and every page reads the stamp from the database first, so a change saved
/// through any instance is on the next page everywhere. What is kept, as one piece from the period's first day to the
/// first month not over: the five trends by month; the review waits (their histograms overall and by team); who was
/// recognised, with the scope's stories and celebrations by team; the values, badges, celebrators (by id) and stories
/// about oneself. What is not: the people and their teams, names and roles (read on every page, so a move, a rename or
/// a new leader shows at once), spend and fixes, who has not been recognised lately, and overdue reviews.
/// A month is "over" once <see cref="After"/> has passed since its end.
/// </summary>
public sealed class KeptMonths(TimeProvider time)
{
    /// <summary>How long after its end a month's figures may be kept: twice <see cref="InsightsHistory.Settled"/>.</summary>
    public static readonly TimeSpan After = InsightsHistory.Settled * 2;

    /// <summary>
    /// At most this many pieces (one figure of one scope over one span of months: a trend, the review waits, the
    /// coverage or the recognition counts); then all are dropped and kept again as pages are read.
    /// </summary>
    public const int MaxPieces = 4_000;

    private Shelf _shelf = new(0);

    /// <summary>What this request may use: the stamp read now, before any figure is read, and the kept pieces under it.</summary>
    public async Task<View> ForAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await InsightsHistory.CurrentAsync(db, cancellationToken);
        var shelf = Volatile.Read(ref _shelf);
        if (shelf.Stamp != stamp)
        {
            // Nothing kept under another stamp is of use to a reader of this one. A reader still holding an older
            // stamp may put its own shelf back for a moment; each reader uses only the shelf of the stamp it read.
            shelf = new Shelf(stamp);
            Volatile.Write(ref _shelf, shelf);
        }

        return new View(shelf, time.GetUtcNow() - After);
    }

    /// <summary>The pieces kept under one stamp.</summary>
    internal sealed class Shelf(long stamp)
    {
        public long Stamp { get; } = stamp;

        public ConcurrentDictionary<string, object> Pieces { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One request's use of the kept pieces.</summary>
    public sealed class View
    {
        private readonly Shelf _shelf;

        internal View(Shelf shelf, DateTimeOffset overBefore)
        {
            _shelf = shelf;
            OverBefore = overBefore;
        }

        /// <summary>A month ending at or before this instant is over.</summary>
        public DateTimeOffset OverBefore { get; }

        /// <summary>How many of the months between <paramref name="boundaries"/> (month i is [b[i], b[i+1])) are over, from the first.</summary>
        public int MonthsOver(IReadOnlyList<DateTimeOffset> boundaries)
        {
            ArgumentNullException.ThrowIfNull(boundaries);
            var over = 0;
            while (over < boundaries.Count - 1 && boundaries[over + 1] <= OverBefore)
            {
                over++;
            }

            return over;
        }

        internal bool TryGet<T>(string key, out T value)
            where T : class
        {
            if (_shelf.Pieces.TryGetValue(key, out var kept) && kept is T typed)
            {
                value = typed;
                return true;
            }

            value = null!;
            return false;
        }

        internal void Keep(string key, object value)
        {
            if (_shelf.Pieces.Count >= MaxPieces)
            {
                _shelf.Pieces.Clear();
            }

            _shelf.Pieces[key] = value;
        }

        /// <summary>
        /// A piece's key: what it is, the scope (every team and its kind: a team whose kind changed is another key),
        /// and the instants it covers.
        /// </summary>
        internal static string Key(string piece, InsightsScope scope, DateTimeOffset start, DateTimeOffset end) =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"{piece}|{(scope.WholeCompany ? "all" : string.Join(',', scope.Teams.Select(t => $"{t.Id}:{(int)t.Kind}")))}|{start.UtcTicks}|{end.UtcTicks}");
    }
}
