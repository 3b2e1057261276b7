using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace CareStories.Web.Identity;

/// <summary>
/// The sign-in cookie's ticket format with a short memory: a cookie string it has unprotected in the last
/// <see cref="Lifetime"/> is not decrypted again (key derivation, AES and HMAC, then the ticket's deserialisation
/// were the largest part of a cached page's cost). Keyed by the exact protected string, so only a cookie the inner
/// format accepted, byte for byte, is ever answered from memory; a tampered, truncated or foreign cookie misses and
/// is refused by the inner format as before. Every caller gets its own copy of the ticket, so nothing a request
/// does to its principal or properties reaches another request.
/// </summary>
/// <remarks>
/// Nothing about checking a ticket moves here: the cookie handler still refuses an expired ticket, slides it and asks
/// the security stamp validator on every request, from the ticket's own issue and expiry times. A data protection key
/// revoked by hand keeps working for cookies seen in the last <see cref="Lifetime"/>.
/// </remarks>
public sealed class SignInTicketCache(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How many distinct cookies are remembered at most: a few per person signed in at once.</summary>
    public const int MaxEntries = 4096;

    /// <summary>How long an unprotected cookie is remembered after it was first read.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) is never used by this app; such a cookie is read as the framework would.
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (_tickets.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
        {
            return Copy(known);
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(protectedText, Copy(ticket), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return ticket;
    }

    public void Dispose() => _tickets.Dispose();

    // ClaimsPrincipal.Clone keeps the same identities: each identity is cloned too, with its own list of claims.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new System.Security.Claims.ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())),
            ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
