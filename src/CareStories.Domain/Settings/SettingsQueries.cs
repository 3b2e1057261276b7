using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Settings;

public static class SettingsQueries
{
    /// <summary>The company's settings; the defaults if the row is missing (it is created by the migrations).</summary>
    public static async Task<CompanySettings> CurrentAsync(this DbSet<CompanySettings> settings, CancellationToken cancellationToken = default) =>
        await settings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CompanySettings.SingletonId, cancellationToken)
        ?? new CompanySettings();
}
