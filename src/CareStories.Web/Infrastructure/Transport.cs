using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// How the app is reached. Deployed, it usually sits behind a proxy that ends TLS, so it sees plain HTTP: judging
/// by the request would leave cookies without Secure, send no HSTS, and build the links in mail from whatever
/// Host header came in (an attacker's, in a reset link sent to someone else). So outside Development (and the
/// tests' "Testing" environment, which opts in with App:HttpsOnly) every cookie is Secure and HSTS is always
/// sent, and App:PublicUrl is the one address links are built from; the app refuses to start without it.
/// </summary>
public static class Transport
{
    public const string PublicUrlKey = "App:PublicUrl";
    public const string HttpsOnlyKey = "App:HttpsOnly";

    private const string StrictTransportSecurity = "max-age=31536000";

    public static void AddCareStoriesTransport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!HttpsOnly(configuration, environment))
        {
            return;
        }

        // After every other setting (the sign-in cookie's own Configure included), whichever cookie it is.
        services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
    }

    public static void UseCareStoriesTransport(this IApplicationBuilder app, IConfiguration configuration, IHostEnvironment environment)
    {
        var publicUrl = PublicUrl(configuration, environment);
        var httpsOnly = HttpsOnly(configuration, environment);
        if (publicUrl is null && !httpsOnly)
        {
            return;
        }

        var host = publicUrl is null ? default
            : publicUrl.IsDefaultPort ? new HostString(publicUrl.Host) : new HostString(publicUrl.Host, publicUrl.Port);
        app.Use((context, next) =>
        {
            if (publicUrl is not null)
            {
                // Every absolute link (reset, confirmation, set-password, thank-you links) is built from these.
                context.Request.Scheme = publicUrl.Scheme;
                context.Request.Host = host;
            }

            if (httpsOnly)
            {
                context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return next(context);
        });
    }

    private static bool IsLocal(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static bool HttpsOnly(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(HttpsOnlyKey) ?? !IsLocal(environment);

    private static Uri? PublicUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[PublicUrlKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return IsLocal(environment) ? null
                : throw new InvalidOperationException(
                    $"Set {PublicUrlKey} to the address people open the app at (for example https://stories.example.com): links in mail are built from it, never from the request.");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidOperationException($"{PublicUrlKey} must be an absolute http(s) address, not \"{value}\".");
    }
}
