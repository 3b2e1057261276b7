using System.Globalization;
using System.Text.RegularExpressions;
using CareStories.Data;

namespace CareStories.Benchmark;

/// <summary>
/// Each database's results have their own section of docs/performance.md: SQLite's between the markers
/// <see cref="BenchmarkReport"/> writes, PostgreSQL's between markers of its own, placed after SQLite's. A run replaces
/// only its own provider's section. PostgreSQL's says how its feed compares with SQLite's, when SQLite's is there.
/// </summary>
public static partial class ProviderResults
{
    public const string PostgresStartMarker = "<!-- benchmark:results:postgresql -->";
    public const string PostgresEndMarker = "<!-- /benchmark:results:postgresql -->";

    /// <summary>PostgreSQL's feed should serve at least this share of SQLite's requests per second on the same machine.</summary>
    public const double FeedAim = 0.7;

    /// <summary>The first page of the feed's requests per second in a results section, or null if it has none.</summary>
    public static double? FeedRequestsPerSecond(string? section)
    {
        var row = FeedRow().Match(section ?? "");
        return row.Success ? double.Parse(row.Groups["rps"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The section of a provider in <paramref name="document"/>, markers included, or null.</summary>
    public static string? SectionOf(string? document, DatabaseProvider provider)
    {
        var (start, end) = Markers(provider);
        var from = document is null ? -1 : MarkerLine(document, start);
        var to = from < 0 ? -1 : MarkerLine(document!, end, from);
        return to < 0 ? null : document![from..(to + end.Length)];
    }

    /// <summary>
    /// The report's Markdown as the provider's section: PostgreSQL's gets its own markers and title, which database it
    /// ran on and, when <paramref name="document"/> holds SQLite's results, its feed's ratio to SQLite's feed.
    /// </summary>
    public static string Section(DatabaseProvider provider, string markdown, string database, string? document)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (provider != DatabaseProvider.PostgreSQL)
        {
            return markdown;
        }

        var section = markdown
            .Replace(BenchmarkReport.StartMarker, PostgresStartMarker, StringComparison.Ordinal)
            .Replace(BenchmarkReport.EndMarker, PostgresEndMarker, StringComparison.Ordinal)
            .Replace("## Results of ", "## PostgreSQL: results of ", StringComparison.Ordinal);
        var lines = new List<string> { $"The same benchmark with `--provider postgresql`: the app on {database}." };
        if (FeedComparison(FeedRequestsPerSecond(section), FeedRequestsPerSecond(SectionOf(document, DatabaseProvider.Sqlite))) is { } comparison)
        {
            lines.Add(comparison);
        }

        var heading = section.IndexOf('\n', section.IndexOf("## PostgreSQL", StringComparison.Ordinal)) + 1;
        return section.Insert(heading, "\n" + string.Join("\n\n", lines) + "\n");
    }

    /// <summary>PostgreSQL's feed beside SQLite's, against the aim; null unless both were measured.</summary>
    public static string? FeedComparison(double? postgres, double? sqlite)
    {
        if (postgres is not { } pg || sqlite is not { } lite || lite <= 0)
        {
            return null;
        }

        var ratio = pg / lite;
        return string.Create(CultureInfo.InvariantCulture,
            $"Feed, first page: {pg:N0} req/s on PostgreSQL, {ratio:0.00} of SQLite's {lite:N0} req/s in the section above (aim: at least {FeedAim:0.0}): {(ratio >= FeedAim ? "met" : "**missed**")}.");
    }

    /// <summary>Replaces the provider's section of <paramref name="existing"/>, leaving the other provider's and the hand-written text.</summary>
    public static string Merge(string? existing, DatabaseProvider provider, string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (provider != DatabaseProvider.PostgreSQL)
        {
            return BenchmarkReport.Merge(existing, section);
        }

        if (existing is null)
        {
            return "# Performance\n\n" + section;
        }

        if (SectionOf(existing, provider) is { } old)
        {
            return existing.Replace(old, section.TrimEnd('\n'), StringComparison.Ordinal);
        }

        // Beside SQLite's: right after it, so the two read one after the other.
        var sqliteEnd = MarkerLine(existing, BenchmarkReport.EndMarker);
        if (sqliteEnd >= 0)
        {
            var at = sqliteEnd + BenchmarkReport.EndMarker.Length;
            return string.Concat(existing.AsSpan(0, at), "\n\n", section.TrimEnd('\n'), existing.AsSpan(at));
        }

        return existing.TrimEnd('\n') + "\n\n" + section;
    }

    /// <summary>
    /// Where <paramref name="marker"/> stands on a line of its own in <paramref name="text"/> at or after
    /// <paramref name="from"/>, or -1: prose that names a marker (in backticks, mid-line) is never taken for one.
    /// </summary>
    public static int MarkerLine(string text, string marker, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marker);
        for (var at = text.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var after = at + marker.Length;
            if ((at == 0 || text[at - 1] == '\n') && (after == text.Length || text[after] is '\n' or '\r'))
            {
                return at;
            }
        }

        return -1;
    }

    private static (string Start, string End) Markers(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSQL
        ? (PostgresStartMarker, PostgresEndMarker)
        : (BenchmarkReport.StartMarker, BenchmarkReport.EndMarker);

    [GeneratedRegex(@"^\| Feed, first page \| `/Feed` \| (?<rps>[\d,]+(\.\d+)?) \|", RegexOptions.Multiline)]
    private static partial Regex FeedRow();
}
