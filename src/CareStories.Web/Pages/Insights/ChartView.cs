using System.Globalization;
using System.Text.Json;

namespace CareStories.Web.Pages.Insights;

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// One chart and the table of the same numbers beside it (for screen readers and printing), with a one-sentence
/// summary. The browser draws it from <see cref="Json"/> (a data- attribute read by wwwroot/js/insights.js: the
/// Content-Security-Policy allows no inline script).
/// </summary>
public sealed record ChartView(
    string Id,
    string Title,
    string Summary,
    string Type,
    string FirstColumn,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series,
    bool Percent = false,
    bool Stacked = false)
{
    public bool IsEmpty => Labels.Count == 0 || Series.All(s => s.Values.All(v => v == 0));

    public string Json => JsonSerializer.Serialize(new
    {
        type = Type,
        percent = Percent,
        stacked = Stacked,
        labels = Labels,
        series = Series.Select(s => new { name = s.Name, values = s.Values }),
    });

    public string Format(double value) => Percent
        ? value.ToString("0%", CultureInfo.InvariantCulture)
        : value.ToString("N0", CultureInfo.InvariantCulture);
}
