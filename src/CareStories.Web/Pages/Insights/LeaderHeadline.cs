using CareStories.Domain.Insights;
using CareStories.Domain.Settings;

namespace CareStories.Web.Pages.Insights;

/// <summary>The home page's headline for a leader: the whole company over the last 30 days.</summary>
public static class LeaderHeadline
{
    public static async Task<HeadlineFigures> ReadAsync(CareStoriesDbContext db, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        var report = new InsightsReport(db, new InsightsScope([], WholeCompany: true), ReportingPeriod.Ending(PeriodChoice.Last30Days, now, zone));
        return await report.HeadlineAsync(now, settings.NotRecognisedDays, settings.ReviewOverdueDays, cancellationToken);
    }
}
