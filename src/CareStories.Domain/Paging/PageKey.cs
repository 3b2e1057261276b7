using System.Globalization;

namespace CareStories.Domain.Paging;

/// <summary>
/// Where a keyset-paged list stopped: the last row shown, as its instant and id. The next page starts strictly after
/// it in the list's (instant, id) order, so rows sharing an instant are neither skipped nor repeated.
/// In a URL it is "&lt;UTC ticks&gt;.&lt;id&gt;", the one format every list uses.
/// </summary>
public readonly record struct PageKey(DateTimeOffset At, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id}");

    /// <summary>
    /// Reads a key from a URL. Anything malformed or out of range is no key at all, so a mangled link shows the first
    /// page rather than an error. A well-formed key may still point anywhere: lists filter what the reader may see
    /// before they page, so a key says only where to start, never what to show.
    /// </summary>
    public static bool TryParse(string? text, out PageKey key)
    {
        key = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || id <= 0)
        {
            return false;
        }

        key = new PageKey(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    public static PageKey? Parse(string? text) => TryParse(text, out var key) ? key : null;
}

/// <summary>One page of a list: its rows, and the key of the page after it (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageKey? Next)
{
    public bool IsLast => Next is null;
}
