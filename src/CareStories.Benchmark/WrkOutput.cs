using System.Globalization;
using System.Text.RegularExpressions;

namespace CareStories.Benchmark;

/// <summary>What one wrk run measured, read from its text output (wrk has no machine-readable format).</summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    long Requests,
    TimeSpan Duration,
    double BytesRead,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    int ConnectErrors,
    int ReadErrors,
    int WriteErrors,
    int Timeouts,
    int ErrorResponses)
{
    /// <summary>Average bytes per response, headers included: a sudden drop means the app answered something else.</summary>
    public double BytesPerResponse => Requests == 0 ? 0 : BytesRead / Requests;

    public int SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    /// <summary>wrk counts only 4xx and 5xx answers as errors ("Non-2xx or 3xx responses").</summary>
    public bool HasErrors => SocketErrors > 0 || ErrorResponses > 0 || Requests == 0;
}

public static partial class WrkOutput
{
    /// <summary>Reads the output of <c>wrk --latency</c>; throws when a line every run prints is missing.</summary>
    public static WrkResult Parse(string output)
    {
        var summary = Summary().Match(output);
        var perSecond = RequestsPerSecond().Match(output);
        var p50 = Percentile(output, "50");
        var p99 = Percentile(output, "99");
        if (!summary.Success || !perSecond.Success)
        {
            throw new FormatException("This is not the output of a finished wrk run:\n" + output);
        }

        var socket = SocketErrorsLine().Match(output);
        var non2xx = Non2xx().Match(output);
        return new WrkResult(
            RequestsPerSecond: double.Parse(perSecond.Groups[1].Value, CultureInfo.InvariantCulture),
            Requests: long.Parse(summary.Groups["requests"].Value, CultureInfo.InvariantCulture),
            Duration: ParseTime(summary.Groups["duration"].Value),
            BytesRead: ParseSize(summary.Groups["read"].Value),
            LatencyP50: p50,
            LatencyP99: p99,
            ConnectErrors: socket.Success ? Int(socket.Groups["connect"]) : 0,
            ReadErrors: socket.Success ? Int(socket.Groups["read"]) : 0,
            WriteErrors: socket.Success ? Int(socket.Groups["write"]) : 0,
            Timeouts: socket.Success ? Int(socket.Groups["timeout"]) : 0,
            ErrorResponses: non2xx.Success ? Int(non2xx.Groups[1]) : 0);
    }

    /// <summary>wrk prints times as 812.00us, 1.23ms, 2.01s or 1.50m.</summary>
    public static TimeSpan ParseTime(string text)
    {
        var match = Quantity().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a wrk time.");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(value),
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            var unit => throw new FormatException($"'{unit}' is not a wrk time unit."),
        };
    }

    /// <summary>wrk prints sizes in binary units: 512.00B, 45.67MB.</summary>
    public static double ParseSize(string text)
    {
        var match = Quantity().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a wrk size.");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "B" or "" => value,
            "KB" => value * 1024,
            "MB" => value * 1024 * 1024,
            "GB" => value * 1024 * 1024 * 1024,
            "TB" => value * 1024 * 1024 * 1024 * 1024,
            var unit => throw new FormatException($"'{unit}' is not a wrk size unit."),
        };
    }

    private static TimeSpan Percentile(string output, string percent)
    {
        var match = Regex.Match(output, @"^\s*" + percent + @"(?:\.0+)?%\s+(\S+)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success
            ? ParseTime(match.Groups[1].Value)
            : throw new FormatException($"wrk printed no {percent}% latency; it must run with --latency.\n{output}");
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<requests>\d+) requests in (?<duration>[\d.]+\w+), (?<read>[\d.]+\w*) read", RegexOptions.Multiline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"^(?<value>[\d.]+)(?<unit>[a-zA-Z]*)$")]
    private static partial Regex Quantity();
}
