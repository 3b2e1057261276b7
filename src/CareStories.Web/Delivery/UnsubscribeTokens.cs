using System.Globalization;
using CareStories.Domain.Delivery;
using Microsoft.AspNetCore.DataProtection;

namespace CareStories.Web.Delivery;

/// <summary>
/// The signed part of an unsubscribe link: who and what, sealed by ASP.NET Core Data Protection (encrypted and
/// authenticated with the app's key ring, shared by every instance) and valid for half a year, so a link in an old
/// mail still works and a guessed or altered one never does. The expiry is sealed inside with the rest and checked
/// against the app's <see cref="TimeProvider"/> (the framework's time-limited protector reads the wall clock).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(183);

    private readonly IDataProtector _protector = provider.CreateProtector("CareStories.Mail.Unsubscribe.v1");

    public string Create(string personId, UnsubscribeScope scope) =>
        _protector.Protect($"{(clock.GetUtcNow() + Lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture)}|{personId}|{scope}");

    /// <summary>The person and scope, or null for a token that is altered, expired or not ours.</summary>
    public (string PersonId, UnsubscribeScope Scope)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && expires >= clock.GetUtcNow().UtcTicks
            && parts[1].Length > 0
            && UnsubscribeScope.Parse(parts[2]) is { } scope
                ? (parts[1], scope)
                : null;
    }
}
