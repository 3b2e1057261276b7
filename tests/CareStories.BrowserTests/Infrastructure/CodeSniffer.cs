using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Runs HTML_CodeSniffer, the engine pa11y runs, in the page with pa11y's default standard (WCAG 2 AA) and fails on
/// its errors, as pa11y does by default; warnings and notices (things a person must judge) are not failures. The
/// script is the build of <c>@pa11y/html_codesniffer</c>, the fork pa11y 10 runs (the original <c>html_codesniffer</c>
/// 2.5.1 lacks messages for some rules and throws on them), installed by this project's build from its
/// package-lock.json and injected through the DevTools protocol, so the page's CSP stays as it is.
/// </summary>
public static class CodeSniffer
{
    public const string Standard = "WCAG2AA";

    private static readonly Lazy<string> Source = new(() => File.ReadAllText(ScriptPath()));

    public static async Task AssertNoErrorsAsync(IPage page)
    {
        await Browser.WaitUntilLoadedAsync(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.HTMLCS === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var errors = await page.EvaluateAsync<JsonElement>(
            """
            standard => new Promise((resolve, reject) => {
              const path = el => {
                if (!el || el.nodeType !== 1) { return '(document)'; }
                const parts = [];
                for (let node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
                  let part = node.tagName.toLowerCase();
                  if (node.id) { parts.unshift(part + '#' + node.id); break; }
                  if (node.classList.length) { part += '.' + [...node.classList].slice(0, 2).join('.'); }
                  parts.unshift(part);
                }
                return parts.join(' > ');
              };
              window.HTMLCS.process(standard, window.document, () => {
                resolve(window.HTMLCS.getMessages()
                  .filter(m => m.type === window.HTMLCS.ERROR)
                  .map(m => ({ code: m.code, message: m.msg, element: path(m.element) + ': ' + (m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 160) : '') })));
              }, () => reject(new Error('HTML_CodeSniffer could not run.')), 'en');
            })
            """,
            Standard);

        var found = errors.EnumerateArray()
            .Select(e => (Code: e.GetProperty("code").GetString()!, Message: e.GetProperty("message").GetString()!, Element: e.GetProperty("element").GetString()!))
            .ToList();
        if (found.Count > 0)
        {
            var report = new StringBuilder($"{found.Count} HTML_CodeSniffer ({Standard}) error(s) on {page.Url}:");
            foreach (var error in found.Take(15))
            {
                report.AppendLine().Append($"- {error.Code}: {error.Message}").AppendLine().Append("    ").Append(error.Element);
            }

            Assert.Fail(report.ToString());
        }
    }

    private static string ScriptPath()
    {
        var path = typeof(CodeSniffer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "HtmlCodeSniffer").Value!;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"HTML_CodeSniffer is missing at {path}: run `npm ci` in tests/CareStories.BrowserTests (the build does it when it is missing).");
    }
}
