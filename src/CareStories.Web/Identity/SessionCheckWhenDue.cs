using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Identity;

/// <summary>
/// Asks Identity's security stamp validator only when it would check something. The validator compares the cookie
/// with the person's security stamp once the cookie is older than <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// and otherwise does nothing; but merely asking it built a sign-in manager, a user manager (with its metrics) and a
/// user store from the request's services on every request, a few percent of a cached page's time. The decision is
/// the validator's own, from the same options and clock, taken a second early so it never skips a check that was due.
/// </summary>
public static class SessionCheckWhenDue
{
    /// <summary>How much earlier than the validator this calls it: clocks read a moment apart must not skip a due check.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>Wraps <paramref name="options"/>' principal validation so it runs only when a check may be due.</summary>
    public static void Apply(CookieAuthenticationOptions options, SecurityStampValidatorOptions stampOptions)
    {
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = context =>
            MayBeDue(context, stampOptions) ? validate(context) : Task.CompletedTask;
    }

    private static bool MayBeDue(CookieValidatePrincipalContext context, SecurityStampValidatorOptions stampOptions)
    {
        if (context.Properties.IssuedUtc is not { } issued)
        {
            return true;
        }

        var now = (stampOptions.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now - issued > stampOptions.ValidationInterval - Margin;
    }
}
