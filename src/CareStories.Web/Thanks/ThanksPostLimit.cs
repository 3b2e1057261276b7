using System.Threading.RateLimiting;

namespace CareStories.Web.Thanks;

/// <summary>
/// How many thank-yous one address may send a minute through the public form. The form asks only once a post is
/// valid and about to be kept, so a customer who is told to fix a field, or to wait, does not use up their budget;
/// refused posts keep the customer's words on the page (a rate-limiting middleware would answer before the page).
/// </summary>
public sealed class ThanksPostLimit(IConfiguration configuration) : IDisposable
{
    public static string Refusal(string when) => $"You've sent several thank-yous in a short time. Your message is still here: you can send it {when}.";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimiting:ThanksPostsPerMinute", 5),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one post from the address's budget, or says how long until it has room again.</summary>
    public bool TryTake(HttpContext context, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
