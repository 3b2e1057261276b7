namespace CareStories.Domain.Stories;

/// <summary>How free text is kept: trimmed, with paragraphs kept and line endings made one kind.</summary>
public static class TextRules
{
    public static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static string? NormalizeOptional(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? null : normalized;
    }

    public static string SingleLine(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The latest calendar date anyone anywhere can be living on at this instant. People enter dates in their
    /// own time zone, which can be up to 14 hours ahead of UTC, so "not in the future" allows for that.
    /// </summary>
    public static DateOnly LatestToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
}
