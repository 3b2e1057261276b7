using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// The Nu HTML Checker (vnu.jar from npm, see the project file) over a set of served pages. It is a JVM that takes a
/// few seconds to start, so a test collects every page first and checks them all in one run.
/// </summary>
public static class HtmlChecker
{
    public static string JarPath => typeof(HtmlChecker).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "VnuJar").Value!;

    /// <summary>Every error the checker finds, as "page: line N: message [extract]"; empty when all pages are valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> htmlByPage)
    {
        if (!File.Exists(JarPath))
        {
            throw new InvalidOperationException($"vnu.jar is missing at {JarPath}: run `npm ci --ignore-scripts` in tests/CareStories.Web.Tests.");
        }

        var folder = Directory.CreateTempSubdirectory("carestories-vnu-");
        try
        {
            var pageByFile = new Dictionary<string, string>();
            var index = 0;
            foreach (var (page, html) in htmlByPage)
            {
                var file = Path.Combine(folder.FullName, $"page-{index++}.html");
                await File.WriteAllTextAsync(file, html);
                pageByFile[Path.GetFileName(file)] = page;
            }

            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-Xss1m", "-jar", JarPath, "--format", "json", "--stdout", "--errors-only" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var file in pageByFile.Keys)
            {
                start.ArgumentList.Add(Path.Combine(folder.FullName, file));
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await output;
            if (string.IsNullOrWhiteSpace(json))
            {
                throw new InvalidOperationException($"vnu wrote nothing (exit {process.ExitCode}): {await errors}");
            }

            using var report = JsonDocument.Parse(json);
            return report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m =>
                {
                    var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                    var page = pageByFile.GetValueOrDefault(Path.GetFileName(url), url);
                    var line = m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                    var extract = m.TryGetProperty("extract", out var e) ? e.GetString()?.Trim() : null;
                    return $"{page}: line {line}: {m.GetProperty("message").GetString()} [{extract}]";
                })
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
