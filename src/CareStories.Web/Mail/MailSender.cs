using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareStories.Web.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; init; } = "CareStories <no-reply@carestories.local>";

    /// <summary>Where messages are written as .eml files when no SMTP host is set. Relative to the app's folder.</summary>
    public string PickupFolder { get; init; } = "App_Data/mail";

    public SmtpSettings Smtp { get; init; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; init; }

        public int Port { get; init; } = 587;

        /// <summary>TLS: implicit on port 465, STARTTLS (required) on any other port; off only for a local test server.</summary>
        public bool EnableSsl { get; init; } = true;

        public string? UserName { get; init; }

        public string? Password { get; init; }

        /// <summary>How long one send may take; the outbox's lease is longer, so a slow send is never taken by another worker.</summary>
        public int TimeoutSeconds { get; init; } = 60;
    }
}

/// <summary>Hands one composed message to the world. The outbox decides when and records that it went.</summary>
public interface IMailTransport
{
    /// <summary>Sends the message; throws when it was not accepted (the outbox tries again later).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The one way mail leaves the app. With Mail:Smtp:Host set it sends through that server with MailKit; otherwise
/// each message is written as an .eml file to the pickup folder, so a newcomer can confirm an account without a
/// mail server by opening the newest file there.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    /// <summary>
    /// An address as logs may show it: enough to tell two apart while reading ("ja***@c***.example"), not enough
    /// to learn who has an account or to build a mailing list from a log file.
    /// </summary>
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.IndexOf('@') is var at && at < 0)
        {
            return "***";
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var host = dot < 0 ? domain : domain[..dot];
        var top = dot < 0 ? "" : domain[dot..];
        return $"{local[..Math.Min(2, local.Length)]}***@{host[..Math.Min(1, host.Length)]}***{top}";
    }

    public string PickupFolder => Path.IsPathRooted(options.Value.PickupFolder)
        ? options.Value.PickupFolder
        : Path.Combine(environment.ContentRootPath, options.Value.PickupFolder);

    /// <summary>Where the log says a message went, without the server's credentials.</summary>
    public string Route => string.IsNullOrWhiteSpace(options.Value.Smtp.Host) ? "into the pickup folder" : $"through {options.Value.Smtp.Host}";

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
            ? WriteToPickupFolderAsync(message, cancellationToken)
            : SendBySmtpAsync(message, options.Value.Smtp, cancellationToken);
    }

    /// <summary>
    /// The file is named after the message's id and appears whole (written aside, then moved in without
    /// overwriting): sending the same outbox row twice after a crash leaves one file, so the folder gets each message once.
    /// </summary>
    private async Task WriteToPickupFolderAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PickupFolder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars().Append('@').ToArray()));
        var path = Path.Combine(PickupFolder, name + ".eml");
        if (File.Exists(path))
        {
            return;
        }

        var temporary = Path.Combine(PickupFolder, $".{name}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another worker delivered the same message a moment ago: it is there once.
            File.Delete(temporary);
        }
    }

    private static async Task SendBySmtpAsync(MimeMessage message, MailOptions.SmtpSettings smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
