using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Identity;

/// <summary>
/// Makes a sign-in with an address that has no account look like one with a wrong password: it costs one
/// password hash as a real check does, and after as many tries as lock a real account it answers "locked" for as
/// long. Otherwise the answer (or its time) would tell an attacker which addresses have accounts.
/// The counts live in this process's memory: with several instances an unknown address "locks" per instance,
/// which only makes the decoy less exact, never lets anyone in.
/// </summary>
public sealed class UnknownAccountSignIns(
    IPasswordHasher<Person> hasher, IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider time)
{
    private static readonly Person Nobody = new("nobody@invalid.example", "Nobody", null, DateTimeOffset.UnixEpoch);

    // Made once with Identity's default hasher, so checking against it costs what checking a real hash does.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Person>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Checks the password against a hash no password matches, as long as a real check takes.</summary>
    public void SpendAPasswordCheck(string password) => hasher.VerifyHashedPassword(Nobody, DecoyHash.Value, password);

    /// <summary>Counts a failed sign-in for an address without an account; true when a real account would be locked now.</summary>
    public bool FailAndIsLockedOut(string email, string password)
    {
        SpendAPasswordCheck(password);
        var lockout = identity.Value.Lockout;
        var key = "unknown-sign-in:" + email.Trim().ToUpperInvariant();
        var now = time.GetUtcNow();
        var state = cache.Get<Failures>(key) ?? new Failures(0, null);
        if (state.LockedUntil > now)
        {
            // As Identity does for a locked account: refused without counting.
            return true;
        }

        // As Identity does: the limit reached locks for the lockout time and starts the count again.
        state = state.Count + 1 >= lockout.MaxFailedAccessAttempts
            ? new Failures(0, now + lockout.DefaultLockoutTimeSpan)
            : new Failures(state.Count + 1, null);
        cache.Set(key, state, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(1), Size = 1 });
        return state.LockedUntil is not null;
    }

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);
}
