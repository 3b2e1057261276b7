using System.Net;
using System.Text.RegularExpressions;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>A message the app wrote to its mail pickup folder, decoded enough to read and follow its links.</summary>
public sealed partial record PickedUpMail(string File, string To, string Subject, string Body)
{
    /// <summary>Every link in the body, HTML-decoded (the app encodes &amp; in hrefs).</summary>
    public IReadOnlyList<Uri> Links =>
        [.. HrefPattern().Matches(Body).Select(m => new Uri(WebUtility.HtmlDecode(m.Groups["href"].Value)))];

    /// <summary>The one link whose address contains <paramref name="pathPart"/>, such as "/Account/ConfirmEmail".</summary>
    public Uri LinkTo(string pathPart)
    {
        var matches = Links.Where(l => l.AbsolutePath.Contains(pathPart, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one link to {pathPart} in \"{Subject}\", found {matches.Count}:{Environment.NewLine}{Body}");
    }

    [GeneratedRegex("href\\s*=\\s*\"(?<href>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();
}

/// <summary>Reads the .eml files the app's outbox writes to the pickup folder (MimeKit decodes the parts).</summary>
public static class MailPickup
{
    /// <summary>Waits for the newest message to <paramref name="recipient"/> in <paramref name="folder"/>.</summary>
    public static Task<PickedUpMail> WaitForMessageToAsync(string folder, string recipient, TimeSpan? timeout = null) =>
        WaitForMessageToAsync(folder, recipient, _ => true, timeout);

    /// <summary>Waits for the newest message to <paramref name="recipient"/> that <paramref name="wanted"/> accepts.</summary>
    public static async Task<PickedUpMail> WaitForMessageToAsync(string folder, string recipient, Func<PickedUpMail, bool> wanted, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml")
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .Select(Read)
                    .FirstOrDefault(m => m.To.Contains(recipient, StringComparison.OrdinalIgnoreCase) && wanted(m))
                : null;
            if (message is not null)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {recipient} arrived in {folder}.");
            }

            await Task.Delay(100);
        }
    }

    public static PickedUpMail Read(string file)
    {
        var message = MimeKit.MimeMessage.Load(file);
        return new PickedUpMail(file, message.To.ToString(), message.Subject ?? "", message.HtmlBody ?? message.TextBody ?? "");
    }
}
