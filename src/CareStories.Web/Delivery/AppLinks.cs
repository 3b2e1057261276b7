using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CareStories.Web.Delivery;

/// <summary>
/// Absolute links for what the background worker writes (mail, chat cards), which has no request to build them from:
/// App:PublicUrl (required outside Development), else the address this server listens on, else http://localhost.
/// </summary>
public sealed class AppLinks(IConfiguration configuration, IServer server)
{
    public Uri Base
    {
        get
        {
            if (Uri.TryCreate(configuration[Transport.PublicUrlKey], UriKind.Absolute, out var configured))
            {
                return configured;
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is not null && Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var address))
            {
                return address;
            }

            return new Uri("http://localhost/");
        }
    }

    /// <summary>The absolute address of an app path such as "/Stories/12".</summary>
    public string To(string pathAndQuery) => new Uri(Base, pathAndQuery).ToString();
}
