using System.Threading.RateLimiting;

namespace CareStories.Web.Thanks;

/// <summary>
/// How many thank-yous one address may send a minute through the public form. The form asks only once a post is
/// valid and about to be kept, so a customer who is told to fix a field, or to wait, does not use up their budget;
/// refused posts keep the customer's words on the page (a rate-limiting middleware would answer before the page).
/// </summary>
/// Counted in Redis across instances when it is configured (<see cref="Operations.SharedRateLimits"/>).
public sealed class ThanksPostLimit(IConfiguration configuration, Operations.SharedRateLimits limits) : IDisposable
{
    public static string Refusal(string when) => $"You've sent several thank-yous in a short time. Your message is still here: you can send it {when}.";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        limits.PerMinute("thanks:" + address, configuration.GetValue("RateLimiting:ThanksPostsPerMinute", 5)));

    /// <summary>Takes one post from the address's budget; refused, says how long until it has room again.</summary>
    public async Task<(bool Taken, TimeSpan RetryAfter)> TryTakeAsync(HttpContext context)
    {
        using var lease = await _limiter.AcquireAsync(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", cancellationToken: context.RequestAborted);
        return (lease.IsAcquired, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _limiter.Dispose();
}
