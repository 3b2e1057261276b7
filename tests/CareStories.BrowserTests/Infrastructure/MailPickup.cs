using System.Net;
using System.Text;
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

/// <summary>Reads the .eml files that System.Net.Mail's pickup delivery writes (single-part messages).</summary>
public static partial class MailPickup
{
    /// <summary>Waits for the newest message to <paramref name="recipient"/> in <paramref name="folder"/>.</summary>
    public static async Task<PickedUpMail> WaitForMessageToAsync(string folder, string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml")
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .Select(Read)
                    .FirstOrDefault(m => m.To.Contains(recipient, StringComparison.OrdinalIgnoreCase))
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
        var raw = File.ReadAllText(file, Encoding.ASCII).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 2)..];

        // Header lines that begin with white space continue the previous one (RFC 5322 folding).
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        var charset = CharsetPattern().Match(headers.GetValueOrDefault("Content-Type", "")) is { Success: true } m
            ? Encoding.GetEncoding(m.Groups["charset"].Value)
            : Encoding.UTF8;
        var bytes = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToUpperInvariant() switch
        {
            "BASE64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "QUOTED-PRINTABLE" => DecodeQuotedPrintable(body),
            _ => Encoding.ASCII.GetBytes(body),
        };

        return new PickedUpMail(file, headers.GetValueOrDefault("To", ""), headers.GetValueOrDefault("Subject", ""), charset.GetString(bytes));
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=')
            {
                bytes.Add((byte)text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++; // a soft line break
            }
            else if (i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("""charset\s*=\s*"?(?<charset>[A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
