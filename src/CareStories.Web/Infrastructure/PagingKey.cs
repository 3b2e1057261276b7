using System.Globalization;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// The "after" key of a keyset-paged list, newest first: the last row's instant (UTC ticks) and id, as "ticks-id".
/// Ordering by both keeps rows that share an instant in a stable order across pages.
/// </summary>
public readonly record struct PagingKey(DateTimeOffset At, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}-{Id}");

    /// <summary>Reads a key from the query string; anything malformed means "from the top".</summary>
    public static bool TryParse(string? text, out PagingKey key)
    {
        key = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        key = new PagingKey(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
