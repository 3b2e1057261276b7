using System.Net;
using System.Net.Sockets;
using CareStories.Domain.Delivery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Chat;

public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// The hosts a webhook may point at: an exact name, or "*.example.com" for any name under it. appsettings.json
    /// lists Slack's incoming webhooks, Teams' (Office 365 connectors) and Power Automate's workflows, which replace
    /// them; nothing is allowed without a list.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>How many times one post is tried again at once, within the same pass (the outbox retries for longer).</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>
    /// Tests and local development only: lets a webhook be http://127.0.0.1:port (a receiver the test starts). Honoured
    /// only in the Development and Testing environments; never on by default. Private and link-local addresses stay refused.
    /// </summary>
    public bool AllowLocalReceiverForTesting { get; set; }
}

/// <summary>
/// What may be a webhook address, and the seal on it: https only, to an allowed host, never an address inside the
/// network. The host check happens when an Admin connects a channel; the address check again on every connection
/// (<see cref="ConnectAsync"/>), with the address DNS gives at that moment, so a name that later resolves inside
/// the network is refused too.
/// </summary>
public sealed class ChatAddresses(IDataProtectionProvider dataProtection, IOptions<ChatOptions> options, IHostEnvironment environment)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CareStories.Chat.WebhookAddress.v1");

    private bool LocalReceiverAllowed =>
        options.Value.AllowLocalReceiverForTesting && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>Why <paramref name="text"/> cannot be a webhook address, or null when it can.</summary>
    public string? WhyNot(string? text, out Uri? address)
    {
        address = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Paste the whole webhook address, starting with https://.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "A webhook address carries no user name or password.";
        }

        if (LocalReceiverAllowed && uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))
        {
            address = uri;
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "The webhook address must start with https:// so the cards cannot be read or changed on the way.";
        }

        if (!IsAllowedHost(uri.Host))
        {
            return $"CareStories posts only to {string.Join(", ", options.Value.AllowedHosts)}. Ask whoever runs CareStories to allow {uri.Host} (Chat:AllowedHosts) if it is right.";
        }

        address = uri;
        return null;
    }

    public bool IsAllowedHost(string host) =>
        options.Value.AllowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));

    public string Protect(Uri address) => _protector.Protect(address.ToString());

    public Uri Unprotect(string sealedAddress) => new(_protector.Unprotect(sealedAddress));

    /// <summary>"https://hooks.slack.com/…/x7Qk": the host and the last four characters.</summary>
    public static string Mask(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var path = address.PathAndQuery.TrimEnd('/');
        var tail = path.Length > 4 ? path[^4..] : "";
        return $"{address.Scheme}://{address.Authority}/…{tail}";
    }

    /// <summary>
    /// Addresses no webhook may reach, whatever DNS says: loopback, private (RFC 1918, unique-local), link-local
    /// (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and unspecified; IPv4 inside IPv6 is judged as IPv4.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] >= 224;
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC; // fc00::/7, unique-local
    }

    /// <summary>
    /// The connection for every webhook post: resolves the host, refuses it when any address it resolves to is
    /// internal (only loopback, and only with the testing switch, is let through), and connects to what was checked,
    /// so DNS cannot answer differently between the check and the connection.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refused = addresses.FirstOrDefault(a => IsInternal(a) && !(LocalReceiverAllowed && IPAddress.IsLoopback(a)));
        if (refused is not null || addresses.Length == 0)
        {
            throw new ChatAddressRefusedException($"{host} resolves to {refused?.ToString() ?? "no address"}, inside the network: CareStories does not post there.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook's host resolved to an address inside the network: not worth trying again.</summary>
public sealed class ChatAddressRefusedException(string message) : Exception(message);
