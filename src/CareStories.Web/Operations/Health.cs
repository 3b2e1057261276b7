using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareStories.Web.Operations;

/// <summary>
/// What a proxy or an orchestrator asks: <c>/health/live</c> answers as long as the process serves requests (it
/// touches nothing else, so a database outage never gets every instance restarted), <c>/health/ready</c> only while
/// the database answers (take the instance out of the pool until it does). Both are anonymous and say only
/// "Healthy" or "Unhealthy": no exception, no host name, no connection string.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static void AddCareStoriesHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddDbContextCheck<CareStoriesDbContext>("database", tags: [ReadyTag]);

    public static void MapCareStoriesHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatus })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteStatus })
            .AllowAnonymous().DisableRateLimiting();
    }

    private static Task WriteStatus(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
