using System.Globalization;
using CareStories.Domain.Insights;
using CareStories.Domain.Permission;
using CsvHelper;

namespace CareStories.Web.Pages.Insights;

/// <summary>The CSV downloads, written with CsvHelper (quoting, commas and line breaks in names done right).</summary>
public static class InsightsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public sealed record TeamRow(
        string Team, string Kind, int People, int Recognised, int Stories, int Celebrations, ReviewFigures Review, TeamSpendAndFixes SpendAndFixes);

    /// <summary>
    /// One row per team. Spend in the company's currency is a number column named after it; spend in any other
    /// currency is listed as text beside it, never converted.
    /// </summary>
    public static byte[] Teams(IEnumerable<TeamRow> rows, string? companyCurrency) => Write(csv =>
    {
        csv.WriteRecord(["Team", "Kind of team", "People", "People recognised", "Stories published", "Celebrations",
            "Review decisions", "Sent back", "Median wait (hours)", "90th percentile wait (hours)", "Overdue now",
            "Fixes raised", "Fixes done", "Fixes open now", "Fixes overdue now",
            "Spend incidents", "Incidents over the limit", companyCurrency is null ? "Spend" : $"Spend ({companyCurrency})",
            "Share of the limits used", "Spend in other currencies"]);
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
            var fixes = row.SpendAndFixes.Fixes;
            foreach (var count in new[] { fixes.Raised, fixes.Done, fixes.Open, fixes.Overdue })
            {
                csv.WriteField(count.ToString(CultureInfo.InvariantCulture));
            }

            var spend = row.SpendAndFixes.Spend;
            var company = spend.FirstOrDefault(s => s.Currency == companyCurrency);
            csv.WriteField(spend.Sum(s => s.Incidents).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(spend.Sum(s => s.OverLimit).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(company is null ? (companyCurrency is null ? "" : "0.00") : company.Amount.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(company?.ShareOfLimits?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(string.Join("; ", spend.Where(s => s != company).Select(s => Money.Format(s.Amount, s.Currency))));
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
