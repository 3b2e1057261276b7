using System.Net;
using System.Text.RegularExpressions;

namespace CareStories.Benchmark;

/// <summary>Signs in the way a browser does and keeps its cookies, so wrk can send them with every request.</summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly Uri _address;
    private (string Email, string Password)? _account;

    public BrowserSession(Uri address)
    {
        _address = address;
        var handler = new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every cookie the browser holds for the app: the sign-in cookie and the antiforgery cookie.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_address);

    public async Task SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        _account = (email, password);
        const string login = "/Identity/Account/Login";
        var form = await _client.GetStringAsync(login, cancellationToken);
        var token = AntiforgeryField().Match(form);
        if (!token.Success)
        {
            throw new BenchmarkException("The sign-in page has no antiforgery token; has the form changed?");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await _client.PostAsync(login, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || !CookieHeader.Contains("CareStories.Auth", StringComparison.Ordinal))
        {
            throw new BenchmarkException(
                $"Signing in as {email} failed (HTTP {(int)response.StatusCode}); the generated people may not match the app's Identity settings.");
        }
    }

    /// <summary>
    /// Signs in again and returns the new cookies, for a wrk run. The app checks a sign-in cookie against the person's
    /// security stamp once it is older than <c>Identity:SessionCheckSeconds</c> (60 s) and then sends a renewed cookie;
    /// a browser keeps the renewed one, but wrk replays the header it was given, so with an old cookie every response
    /// would carry a 1 KB <c>Set-Cookie</c> and every request would pay the check. A cookie fresh at the start of each
    /// run (warm-up or measured, each shorter than the interval) measures what a browser's requests cost.
    /// </summary>
    public async Task<string> FreshCookieHeaderAsync(CancellationToken cancellationToken)
    {
        var (email, password) = _account ?? throw new InvalidOperationException("Sign in first.");
        await SignInAsync(email, password, cancellationToken);
        return CookieHeader;
    }

    /// <summary>
    /// One request before the load: the page must answer 200 with what it is meant to show. wrk counts only 4xx
    /// and 5xx as errors, so a redirect to the sign-in page would otherwise be measured as a very fast page.
    /// </summary>
    public async Task<int> VerifyAsync(Target target, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(target.Path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchmarkException(
                $"{target.Name} ({target.Path}) answered HTTP {(int)response.StatusCode}{Location(response)}, not 200.");
        }

        var shown = StoryLink().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (shown.Count < target.MinimumStories)
        {
            throw new BenchmarkException(
                $"{target.Name} ({target.Path}) links to {shown.Count} stories; at least {target.MinimumStories} were expected.");
        }

        var missing = target.MustShow.Where(id => !shown.Contains(id)).ToList();
        var unexpected = target.MustNotShow.Where(shown.Contains).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new BenchmarkException(
                $"{target.Name} ({target.Path}) shows the wrong stories (missing: {string.Join(", ", missing)}; " +
                $"not expected: {string.Join(", ", unexpected)}). Has the page's query parameter or page size changed?");
        }

        if (target.MustContain is { } text && !body.Contains(text, StringComparison.Ordinal))
        {
            throw new BenchmarkException($"{target.Name} ({target.Path}) does not contain \"{text}\".");
        }

        return await WireBytesAsync(response, cancellationToken);
    }

    /// <summary>
    /// What wrk counts for one response: the status line, every header line, the blank line and the body's bytes
    /// (UTF-8, not characters), so a run's bytes per response compare like with like.
    /// </summary>
    public static async Task<int> WireBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var statusLine = $"HTTP/{response.Version.Major}.{response.Version.Minor} {(int)response.StatusCode} {response.ReasonPhrase}\r\n";
        // A Set-Cookie is one line per cookie; other repeated headers travel as one comma-separated line.
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? h.Value.Select(v => (h.Key, v)) : [(h.Key, string.Join(", ", h.Value))])
            .Sum(h => System.Text.Encoding.UTF8.GetByteCount($"{h.Key}: {h.Item2}\r\n"));
        return System.Text.Encoding.ASCII.GetByteCount(statusLine) + headers + 2 + body.Length;
    }

    /// <summary>How long one GET takes until its whole body has arrived; anything but 200 stops the run.</summary>
    public async Task<TimeSpan> TimeGetAsync(string path, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await _client.GetAsync(path, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        clock.Stop();
        return response.StatusCode == HttpStatusCode.OK
            ? clock.Elapsed
            : throw new BenchmarkException($"{path} answered HTTP {(int)response.StatusCode}{Location(response)} during the timing, not 200.");
    }

    public void Dispose() => _client.Dispose();

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? $" (to {location})" : "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("href=\"/Stories/(\\d+)\"")]
    private static partial Regex StoryLink();
}
