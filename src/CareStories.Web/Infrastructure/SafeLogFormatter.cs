using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CareStories.Web.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// The console log's format: one entry, one line. Messages and exceptions can carry what people typed (a form
/// value inside an exception's message); a line break in it is written as \n, so it cannot start a line that
/// looks like another entry. Email addresses anywhere in an entry are masked, whoever logged them (the app, the
/// framework, a mail server's error), so the log is no list of who has an account.
/// </summary>
public sealed partial class SafeLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "carestories";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder();
        line.Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(logEntry.LogLevel))
            .Append(' ').Append(logEntry.Category)
            .Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("]: ");
        // The request it belongs to, as the error page shows it, so a person's quoted reference finds the entry.
        if (RequestId(scopeProvider) is { } requestId)
        {
            line.Append("request=");
            AppendSafe(line, requestId);
            line.Append(' ');
        }

        AppendSafe(line, message);
        if (logEntry.Exception is not null)
        {
            line.Append(" | ");
            AppendSafe(line, logEntry.Exception.ToString());
        }

        textWriter.Write(line.Append('\n').ToString());
    }

    /// <summary>The <c>RequestId</c> of the innermost scope that has one (ASP.NET Core's hosting scope sets it per request).</summary>
    public static string? RequestId(IExternalScopeProvider? scopeProvider)
    {
        string? found = null;
        scopeProvider?.ForEachScope(
            (scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key == "RequestId" && value is not null)
                        {
                            found = value.ToString();
                        }
                    }
                }
            },
            (object?)null);
        return found;
    }

    /// <summary>Email addresses in the text masked (JSON escapes the rest itself).</summary>
    public static string MaskAddresses(string text) => EmailAddress().Replace(text, match => MailSender.Mask(match.Value));

    /// <summary>The text as one line: control characters and Unicode line separators escaped, addresses masked.</summary>
    public static string Escape(string text)
    {
        var line = new StringBuilder(text.Length);
        AppendSafe(line, text);
        return line.ToString();
    }

    private static void AppendSafe(StringBuilder line, string text)
    {
        foreach (var c in MaskAddresses(text))
        {
            switch (c)
            {
                case '\n':
                    line.Append("\\n");
                    break;
                case '\r':
                    line.Append("\\r");
                    break;
                case '\t':
                    line.Append("\\t");
                    break;
                case < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029':
                    line.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    [GeneratedRegex(@"[\w.+'-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAddress();
}
