using System.Data.Common;
using CareStories.Web.Freshness;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// On SQLite the change stamp and the bell are read outside EF Core (<see cref="SqliteRequestStamps"/>), where its
/// interceptors do not see them: a test that counts a page's SQL commands watches that command too.
/// </summary>
public static class StampCommands
{
    public static IServiceCollection ObserveStampCommands(this IServiceCollection services, Action<DbCommand> observe) =>
        services.Configure<SqliteRequestStampsOptions>(options => options.Observers.Add(observe));
}
