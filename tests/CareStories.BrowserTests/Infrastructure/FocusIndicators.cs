using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Every tab stop on a page shows a focus indicator at least 2 px wide and 3:1 against what is behind it (WCAG 2.2,
/// 1.4.11). One Tab press makes the browser treat focus as keyboard focus (:focus-visible); each stop is then
/// focused in turn and measured.
/// </summary>
public static class FocusIndicators
{
    private const string Measure = """
        el => {
            const style = getComputedStyle(el);
            let node = el.parentElement, background = "rgb(255, 255, 255)";
            while (node) {
                const colour = getComputedStyle(node).backgroundColor;
                if (colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") { background = colour; break; }
                node = node.parentElement;
            }
            return { what: el.outerHTML.slice(0, 120), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                     colour: style.outlineColor, background };
        }
        """;

    /// <summary>Checks the focused element now, if any.</summary>
    public static async Task AssertFocusedIsVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const el = document.activeElement; return !el || el === document.body ? null : ({Measure})(el); }}");
        if (focus.ValueKind != JsonValueKind.Null && Problem(focus) is { } problem)
        {
            Assert.Fail($"{problem} (on {page.Url})");
        }
    }

    /// <summary>Focuses every tab stop on the page and fails listing those whose indicator is missing or too faint.</summary>
    public static async Task AssertEveryTabStopAsync(IPage page)
    {
        var scroll = await page.EvaluateAsync<double[]>("() => [window.scrollX, window.scrollY]");
        await page.Keyboard.PressAsync("Tab");
        var stops = await page.EvaluateAsync<JsonElement>(
            $$"""
            () => {
                const measure = {{Measure}};
                const candidates = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]');
                const found = [];
                for (const el of candidates) {
                    if (el.disabled || el.tabIndex < 0 || el.type === 'hidden' || el.closest('[inert], [hidden]')) { continue; }
                    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') { continue; }
                    el.focus({ preventScroll: true });
                    if (document.activeElement !== el) { continue; }
                    found.push(measure(el));
                }
                document.activeElement && document.activeElement.blur && document.activeElement.blur();
                return found;
            }
            """);
        await page.EvaluateAsync("([x, y]) => window.scrollTo(x, y)", scroll);

        var problems = stops.EnumerateArray().Select(Problem).OfType<string>().Distinct().ToList();
        if (problems.Count > 0)
        {
            var report = new StringBuilder($"{problems.Count} tab stop(s) on {page.Url} without a clear focus indicator:");
            foreach (var problem in problems.Take(15))
            {
                report.AppendLine().Append("- ").Append(problem);
            }

            Assert.Fail(report.ToString());
        }
    }

    private static string? Problem(JsonElement focus)
    {
        var what = focus.GetProperty("what").GetString();
        if (focus.GetProperty("style").GetString() == "none" || focus.GetProperty("width").GetDouble() < 2)
        {
            return $"No focus outline on {what}.";
        }

        var contrast = Contrast(focus.GetProperty("colour").GetString()!, focus.GetProperty("background").GetString()!);
        return contrast >= 3 ? null : $"The focus outline on {what} is {contrast:0.00}:1 against its background.";
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        static double Channel(double c)
        {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(parts[0])) + (0.7152 * Channel(parts[1])) + (0.0722 * Channel(parts[2]));
    }
}
