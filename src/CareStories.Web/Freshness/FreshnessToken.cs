using System.Globalization;

namespace CareStories.Web.Freshness;

/// <summary>
/// The last save a person made, carried in a short-lived cookie so that their next page sees it on whichever app
/// instance answers (PostgreSQL, several instances, <see cref="PostgresChangeFeed"/>): the number the save announced
/// itself with. An instance that has not had that announcement yet reads the database for this person instead of its
/// memory. It is a random number that says nothing and grants nothing.
/// </summary>
public readonly record struct FreshnessToken(long? Save)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "cs.fresh";

    /// <summary>
    /// How long the cookie lives: far longer than an announcement takes to arrive, short enough that it is gone by the
    /// person's next visit.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static FreshnessToken None => default;

    /// <summary>The token a request carries (none if the cookie is missing or not one of ours).</summary>
    public static FreshnessToken Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(CookieName, out var value) ? Parse(value) : None;
    }

    /// <summary>Reads "g{number}"; anything else is no token.</summary>
    public static FreshnessToken Parse(string? value) =>
        value is { Length: > 1 and <= 21 } && value[0] == 'g'
            && long.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var save)
            ? new FreshnessToken(save)
            : None;

    public override string ToString() => Save is { } save ? "g" + save.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Sets the cookie on a response not yet started (a save's redirect, usually).</summary>
    public void WriteTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Save is null || context.Response.HasStarted)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, ToString(), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
