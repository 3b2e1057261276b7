using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// The console log as one JSON object a line, for a log collector (<c>Logging:Console:FormatterName=carestories-json</c>):
/// time, level, category, event id, the message, its named values, the request id the error page shows, the trace id
/// and the instance name. Addresses are masked as in <see cref="SafeLogFormatter"/>; JSON's own escaping keeps a typed
/// line break inside its string, so an entry stays one line.
/// </summary>
public sealed class JsonLogFormatter(IConfiguration configuration) : ConsoleFormatter(Name)
{
    public new const string Name = "carestories-json";

    private readonly string? _instance = configuration[Operations.Instance.NameKey];

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", SafeLogFormatter.MaskAddresses(message));
            if (logEntry.Exception is not null)
            {
                json.WriteString("exception", SafeLogFormatter.MaskAddresses(logEntry.Exception.ToString()));
            }

            if (SafeLogFormatter.RequestId(scopeProvider) is { } requestId)
            {
                json.WriteString("requestId", requestId);
            }

            if (System.Diagnostics.Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
            }

            if (!string.IsNullOrWhiteSpace(_instance))
            {
                json.WriteString("instance", _instance);
            }

            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> values)
            {
                json.WriteStartObject("values");
                foreach (var (key, value) in values)
                {
                    if (key != "{OriginalFormat}")
                    {
                        json.WriteString(key, SafeLogFormatter.MaskAddresses(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
    }
}
