using System.Net;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

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

        public bool EnableSsl { get; init; } = true;

        public string? UserName { get; init; }

        public string? Password { get; init; }
    }
}

/// <summary>
/// The one way mail leaves the app. With Mail:Smtp:Host set it sends through that server; otherwise each
/// message is written as an .eml file to the pickup folder, so a newcomer can confirm an account without a
/// mail server by opening the newest file there.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IWebHostEnvironment environment, ILogger<MailSender> logger)
    : IEmailSender
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

    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        using var message = new MailMessage(new MailAddress(settings.From), new MailAddress(email))
        {
            Subject = subject,
            Body = htmlMessage,
            IsBodyHtml = true,
        };

        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            Directory.CreateDirectory(PickupFolder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupFolder;
        }
        else
        {
            client.Host = settings.Smtp.Host;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }
        }

        await client.SendMailAsync(message);
        logger.LogInformation(
            "Sent \"{Subject}\" to {Recipient} {Route}.",
            subject,
            Mask(email),
            string.IsNullOrWhiteSpace(settings.Smtp.Host) ? $"into {PickupFolder}" : $"through {settings.Smtp.Host}");
    }
}
