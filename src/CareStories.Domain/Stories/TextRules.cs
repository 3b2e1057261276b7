namespace CareStories.Domain.Stories;

/// <summary>
/// How person-typed text is kept: trimmed, with paragraphs kept and line endings made one kind, and without the
/// invisible bidirectional controls that can make a title or a name show reversed or out of order.
/// </summary>
public static class TextRules
{
    public static string Normalize(string? text) =>
        WithoutBidiControls(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static string? NormalizeOptional(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? null : normalized;
    }

    public static string SingleLine(string? text) =>
        string.Join(' ', WithoutBidiControls(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Removes the Unicode controls that reorder text (U+202A–U+202E embeddings and overrides, U+2066–U+2069
    /// isolates, the U+200E/U+200F/U+061C marks). Other invisible characters stay: the zero-width joiner, for
    /// one, holds many emoji together.
    /// </summary>
    public static string WithoutBidiControls(string? text)
    {
        var value = text ?? "";
        return value.AsSpan().IndexOfAny(BidiControls) < 0 ? value : string.Concat(value.Split(BidiControls));
    }

    private static readonly char[] BidiControls =
        ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    /// <summary>
    /// The latest calendar date anyone anywhere can be living on at this instant. People enter dates in their
    /// own time zone, which can be up to 14 hours ahead of UTC, so "not in the future" allows for that.
    /// </summary>
    public static DateOnly LatestToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
}
