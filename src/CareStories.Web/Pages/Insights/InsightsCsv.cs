using System.Globalization;
using CareStories.Domain.Insights;
using CsvHelper;

namespace CareStories.Web.Pages.Insights;

/// <summary>The CSV downloads, written with CsvHelper (quoting, commas and line breaks in names done right).</summary>
public static class InsightsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public sealed record TeamRow(string Team, string Kind, int People, int Recognised, int Stories, int Celebrations, ReviewFigures Review);

    public static byte[] Teams(IEnumerable<TeamRow> rows) => Write(csv =>
    {
        csv.WriteRecord(["Team", "Kind of team", "People", "People recognised", "Stories published", "Celebrations",
            "Review decisions", "Sent back", "Median wait (hours)", "90th percentile wait (hours)", "Overdue now"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Team);
            csv.WriteField(row.Kind);
            csv.WriteField(row.People.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Recognised.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Stories.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Celebrations.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Review.Decisions.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Review.SentBack.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Review.MedianHours?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.Review.Percentile90Hours?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.Review.Overdue.ToString(CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    });

    public static byte[] Write(Action<CsvWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        // A byte-order mark so spreadsheet programs read the names' accents as UTF-8; a name or message that starts
        // like a formula (=, +, -, @) is escaped so a spreadsheet shows it rather than runs it.
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            write(csv);
        }

        return stream.ToArray();
    }
}
