using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CareStories.Benchmark;

/// <summary>One request of the mixed run: what came back and how long it took until the whole body had arrived.</summary>
public sealed record PageAnswer(HttpStatusCode Status, string Body, TimeSpan Took, string? Location);

// Plain GETs and form posts the way a browser sends them, for the mixed run's signed-in people.
public sealed partial class BrowserSession
{
    public async Task<PageAnswer> GetAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new PageAnswer(response.StatusCode, body, clock.Elapsed, response.Headers.Location?.ToString());
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token the page <paramref name="page"/> carried.</summary>
    public async Task<PageAnswer> PostFormAsync(string path, string page, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var token = AntiforgeryField().Match(page);
        if (!token.Success)
        {
            throw new BenchmarkException($"The page before posting to {path} has no antiforgery token.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        var clock = Stopwatch.StartNew();
        using var response = await _client.PostAsync(path, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new PageAnswer(response.StatusCode, body, clock.Elapsed, response.Headers.Location?.ToString());
    }

    /// <summary>The stories a page links to, in the order it shows them.</summary>
    public static IReadOnlyList<int> StoriesLinked(string body) =>
        [.. StoryLink().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

    /// <summary>The stories waiting in a manager's review queue, in its order.</summary>
    public static IReadOnlyList<int> StoriesToReview(string body) =>
        [.. ReviewLink().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

    [GeneratedRegex("href=\"/Review/Story/(\\d+)\"")]
    private static partial Regex ReviewLink();
}
