using System.Text;

using AngleSharp.Html.Parser;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>One message the app wrote to the pickup folder, with its HTML body decoded.</summary>
public sealed record SentMail(string FilePath, string Headers, string HtmlBody)
{
    private static readonly HtmlParser Parser = new();

    public IHtmlDocument Body => Parser.ParseDocument(HtmlBody);

    /// <summary>The href of every link in the body, entities already decoded (as a browser would follow them).</summary>
    public IReadOnlyList<string> Links => Body.QuerySelectorAll<IHtmlAnchorElement>("a[href]").Select(a => a.GetAttribute("href")!).ToList();
}

/// <summary>Reads the .eml files MailSender writes when no SMTP host is configured.</summary>
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
            .Select(file => Parse(file.Path))
            .Where(mail => RecipientsOf(mail.Headers).Contains(email, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>
    /// Waits (up to ten seconds) until at least <paramref name="count"/> messages to <paramref name="email"/> are
    /// written: the app queues mail and sends it just after the request that asked for it.
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

    private static string RecipientsOf(string headers) =>
        string.Join(" ", headers.Split("\r\n").Where(line => line.StartsWith("To:", StringComparison.OrdinalIgnoreCase)));

    private static SentMail Parse(string path)
    {
        var raw = File.ReadAllText(path);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        var encoding = headers.Split("\r\n")
            .FirstOrDefault(line => line.StartsWith("Content-Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))?
            .Split(':', 2)[1].Trim().ToLowerInvariant();
        var html = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n")))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return new SentMail(path, headers, html);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        var unfolded = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
