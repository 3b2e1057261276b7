using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareStories.Web.Operations;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address. The proxy says who the client was in
/// X-Forwarded-For (and whether it spoke HTTPS in X-Forwarded-Proto), but anyone can send those headers, so they are
/// believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). Nothing is trusted by default, not even loopback: an app
/// reached directly keeps the connection's own address, so a client cannot pick its own rate-limit bucket.
/// The host name is never taken from a header: links are built from App:PublicUrl (see Transport).
/// </summary>
public static class Proxies
{
    public const string Section = "ForwardedHeaders";

    public static void AddCareStoriesProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Addresses(configuration, "KnownProxies", IPAddress.Parse);
        var networks = Addresses(configuration, "KnownNetworks", System.Net.IPNetwork.Parse);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback out of the box; here only what the operator named is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // Walk back through every proxy the operator trusts (a load balancer in front of nginx, say) and stop
            // at the first address that is not one of them: that is the client.
            options.ForwardLimit = null;
        });
    }

    /// <summary>Trusts forwarded headers from the configured proxies; does nothing when none are configured.</summary>
    public static void UseCareStoriesProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration.GetSection(Section + ":KnownProxies").GetChildren().Any()
            || configuration.GetSection(Section + ":KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }
    }

    private static List<T> Addresses<T>(IConfiguration configuration, string key, Func<string, T> parse)
    {
        var values = configuration.GetSection(Section + ":" + key).GetChildren()
            .Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v));
        var parsed = new List<T>();
        foreach (var value in values)
        {
            try
            {
                parsed.Add(parse(value.Trim()));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{Section}:{key} holds \"{value}\", which is not an IP address{(key == "KnownNetworks" ? " range such as 10.0.0.0/8" : "")}.");
            }
        }

        return parsed;
    }
}
