using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (Deque's accessibility engine) in the page and fails on serious or critical violations.
/// axe.min.js comes inside the Deque.AxeCore.Commons NuGet package (an embedded resource), so restoring the test
/// project is all it takes. Only the script is used: the check below injects and runs it itself.
/// </summary>
public static class Accessibility
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Checks the page as it is now. Serious and critical violations fail the test with each rule, its help link
    /// and the offending elements; lesser ones are written to <paramref name="output"/> for the curious.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        await Browser.WaitUntilLoadedAsync(page);

        // Evaluated through the DevTools protocol, which the app's strict CSP (no inline script) does not block,
        // so the page is checked under its real policy.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const results = await window.axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary ?? '').replace(/\s+/g, ' ')),
              }));
            }
            """);
        var violations = found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)])).ToList();

        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        foreach (var minor in violations.Except(failing))
        {
            output?.WriteLine($"axe ({minor.Impact}) on {page.Url}: {minor.Id} — {minor.Help}");
        }

        if (failing.Count > 0)
        {
            var report = new StringBuilder($"{failing.Count} serious or critical accessibility problem(s) on {page.Url}:");
            foreach (var violation in failing)
            {
                report.AppendLine().Append($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
                foreach (var target in violation.Targets.Take(5))
                {
                    report.AppendLine().Append("    ").Append(target);
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    private sealed record Violation(string Id, string Impact, string Help, string HelpUrl, string[] Targets);
}
