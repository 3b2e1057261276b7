using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Identity;

/// <summary>
/// The framework's antiforgery, except that a page's form token is reused for the same antiforgery cookie and the same
/// person for <see cref="Lifetime"/> instead of made again. Making one read the antiforgery cookie (a decryption) and
/// wrote a new token (an encryption) on every page with a form, the sign-out form in the header included: the largest
/// single cost left on a cached page. A token made for a cookie and a person is valid for that pair for as long as the
/// cookie lives, whoever holds it, so handing the same one out again gives nobody anything they did not have.
/// </summary>
/// <remarks>
/// Only a token made while the request's own cookie was accepted is kept (no new cookie was needed); keyed by the
/// cookie's exact text and the claim the token is bound to, so a changed, missing or foreign cookie, or another
/// person, is given a fresh token by the framework. Every POST is still validated by the framework, unchanged.
/// The same bytes in many responses would help a compression side channel (BREACH) guess the token: the app does not
/// compress its pages, and a proxy in front of it must not compress HTML either (docs/architecture.md, "How a request flows").
/// </remarks>
public sealed class ReusedAntiforgeryTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    /// <summary>How many (cookie, person) pairs are remembered at most.</summary>
    public const int MaxEntries = 4096;

    /// <summary>How long a token is handed out again after it was made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly string _cookieName = options.Value.Cookie.Name ?? throw new InvalidOperationException("The antiforgery cookie needs a name.");

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var cookie = httpContext.Request.Cookies[_cookieName];
        if (string.IsNullOrEmpty(cookie) || BoundTo(httpContext.User) is not { } person)
        {
            return inner.GetAndStoreTokens(httpContext);
        }

        var key = (cookie, person);
        if (_tokens.TryGetValue(key, out AntiforgeryTokenSet? known) && known is not null)
        {
            // What the framework does to a response carrying a token when the cookie is kept: it must not be cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            return known;
        }

        var made = inner.GetAndStoreTokens(httpContext);
        if (made.CookieToken is null && made.RequestToken is not null)
        {
            _tokens.Set(key, made, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return made;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _tokens.Dispose();

    /// <summary>
    /// The claim the framework binds a token to (the first signed-in identity's subject, name identifier or UPN), ""
    /// when nobody is signed in, or null when the framework would bind it to something else: then nothing is reused.
    /// </summary>
    private static string? BoundTo(ClaimsPrincipal user)
    {
        foreach (var identity in user.Identities)
        {
            if (!identity.IsAuthenticated)
            {
                continue;
            }

            var claim = identity.FindFirst("sub") ?? identity.FindFirst(ClaimTypes.NameIdentifier) ?? identity.FindFirst(ClaimTypes.Upn);
            return claim is { Value.Length: > 0 } ? $"{claim.Type}\n{claim.Value}\n{claim.Issuer}" : null;
        }

        return "";
    }
}
