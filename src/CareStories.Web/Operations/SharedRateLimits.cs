using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace CareStories.Web.Operations;

/// <summary>
/// Where the rate limits (sign-in and registration, photo uploads, the public thank-you form) keep their counts.
/// Without <c>Redis:Configuration</c> each instance counts in its own memory: with one instance that is exact, with
/// n instances behind a proxy a client gets up to n times the budget (the proxy spreads its requests), which still
/// stops bulk guessing together with Identity's per-account lockout. With Redis set, every instance counts in the
/// same Redis keys, so a budget holds across instances.
/// <para>
/// If Redis cannot be reached, a request is counted in this instance's memory instead (and a warning is logged,
/// at most once a minute): it fails open to the per-instance limit, not to "unlimited" and not to "refused". Refusing
/// would let a Redis outage lock every person out of signing in; counting locally keeps the limit an attacker meets
/// within n times the configured one for as long as the outage lasts.
/// </para>
/// </summary>
public sealed class SharedRateLimits : IDisposable
{
    public const string RedisKey = "Redis:Configuration";
    private const string KeyPrefix = "carestories:ratelimit:";

    private readonly Lazy<ConnectionMultiplexer>? _redis;
    private readonly ILogger<SharedRateLimits> _logger;
    private long _lastWarningTicks = long.MinValue;

    public SharedRateLimits(IConfiguration configuration, ILogger<SharedRateLimits> logger)
    {
        _logger = logger;
        var redis = configuration[RedisKey];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start even while Redis is down, and never queue a limiter's question behind a lost connection: it
            // fails at once and is counted locally, so a sign-in never waits on Redis.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            if (!redis.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
            {
                options.AsyncTimeout = 1000;
            }

            if (!redis.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
            {
                options.ConnectTimeout = 2000;
            }

            _redis = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        }
    }

    /// <summary>True when the counts are shared through Redis.</summary>
    public bool Shared => _redis is not null;

    /// <summary>A fixed window of <paramref name="permits"/> a minute for one client, person or address.</summary>
    public RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.Get(key, partition => Create(partition, permits, TimeSpan.FromMinutes(1)));

    private RateLimiter Create(string key, int permits, TimeSpan window)
    {
        var local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
        if (_redis is null)
        {
            return local;
        }

        var redis = _redis;
        var shared = new RedisFixedWindowRateLimiter<string>(KeyPrefix + key, new RedisFixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            ConnectionMultiplexerFactory = () => redis.Value,
        });
        return new RedisFirst(shared, local, this);
    }

    private void WarnRedisDown(Exception error)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            _logger.LogWarning(error, "Redis did not answer the rate limiter; counting in this instance only until it does.");
        }
    }

    public void Dispose()
    {
        if (_redis is { IsValueCreated: true })
        {
            _redis.Value.Dispose();
        }
    }

    /// <summary>Asks Redis; if Redis fails, asks this instance's own window.</summary>
    private sealed class RedisFirst(RateLimiter shared, RateLimiter local, SharedRateLimits owner) : RateLimiter
    {
        // Unused for a while, the partition is dropped and made again when needed; the count itself is in Redis.
        public override TimeSpan? IdleDuration => local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        // Redis is asked asynchronously only: a refusal here sends the rate limiting middleware on to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotAskedYet.Instance;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            try
            {
                return new WithRetryAfter(await shared.AcquireAsync(permitCount, cancellationToken));
            }
            catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
            {
                owner.WarnRedisDown(error);
                return local.AttemptAcquire(permitCount);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                local.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class NotAskedYet : RateLimitLease
    {
        public static readonly NotAskedYet Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>The Redis lease says when to retry in whole seconds; the app's 429 page reads a TimeSpan.</summary>
    private sealed class WithRetryAfter(RateLimitLease lease) : RateLimitLease
    {
        public override bool IsAcquired => lease.IsAcquired;

        public override IEnumerable<string> MetadataNames => lease.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!lease.TryGetMetadata(metadataName, out metadata))
            {
                return false;
            }

            if (metadataName == MetadataName.RetryAfter.Name && metadata is int seconds)
            {
                metadata = TimeSpan.FromSeconds(Math.Max(1, seconds));
            }

            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lease.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
