using AngleSharp.Html.Parser;
using MimeKit;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>One message the app wrote to the pickup folder, with its HTML and plain-text parts decoded.</summary>
public sealed record SentMail(string FilePath, MimeMessage Message)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every header as written ("Name: value" lines), to check what a message carries.</summary>
    public string Headers => string.Join("\r\n", Message.Headers.Select(h => $"{h.Field}: {h.Value}"));

    public string HtmlBody => Message.HtmlBody ?? Message.TextBody ?? "";

    public string TextBody => Message.TextBody ?? "";

    public string Subject => Message.Subject ?? "";

    public IHtmlDocument Body => Parser.ParseDocument(HtmlBody);

    /// <summary>The href of every link in the body, entities already decoded (as a browser would follow them).</summary>
    public IReadOnlyList<string> Links => Body.QuerySelectorAll<IHtmlAnchorElement>("a[href]").Select(a => a.GetAttribute("href")!).ToList();
}

/// <summary>Reads the .eml files the app's outbox writes when no SMTP host is configured.</summary>
public static class Mailbox
{
    /// <summary>Every message addressed to <paramref name="email"/>, oldest first.</summary>
    public static IReadOnlyList<SentMail> MessagesTo(string folder, string email)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.eml")
            .Select(path => (Path: path, Written: File.GetLastWriteTimeUtc(path)))
            .OrderBy(file => file.Written)
            .Select(file => new SentMail(file.Path, MimeMessage.Load(file.Path)))
            .Where(mail => mail.Message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>
    /// Waits (up to ten seconds) until at least <paramref name="count"/> messages to <paramref name="email"/> are
    /// written: the app writes mail to its outbox and a background worker sends it just after.
    /// </summary>
    public static async Task<IReadOnlyList<SentMail>> WaitForMessagesToAsync(string folder, string email, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = MessagesTo(folder, email);
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }
}
