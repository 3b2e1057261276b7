using System.Text.RegularExpressions;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium for a test collection. Each page gets a fresh browser context
/// (its own cookies and storage), so signing in on one page never leaks into another. Chromium is the machine's
/// own (/usr/bin/chromium, or CHROMIUM_PATH): Playwright never downloads a browser here.
/// </summary>
public sealed partial class Browser : IAsyncLifetime
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    // Headless, as root, on a machine with no outside network: without the background-networking flags
    // Chromium keeps trying to reach Google's services and logs refused connections.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _chromium;

    /// <summary>How long a step (click, fill, wait for text) may take before it fails.</summary>
    public static float StepTimeoutMs { get; } = 15_000;

    /// <summary>Where screenshots go: SCREENSHOT_DIR if set, else artifacts/screenshots beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromiumPath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Install Debian's package (apt-get install -y chromium) " +
                "or set CHROMIUM_PATH. Do not run `playwright install`: it downloads a browser, which this project never does.");
        }

        // Two shared cores: give assertions more than Playwright's default 5 seconds before they fail.
        Assertions.SetDefaultExpectTimeout(StepTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// A page in a fresh context (no cookies) whose relative addresses resolve against <paramref name="baseUrl"/>.
    /// Close it with <c>page.Context.CloseAsync()</c>; <see cref="BrowserTest"/> does that for you.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, int width, int height, bool isMobile = false)
    {
        var chromium = _chromium ?? throw new InvalidOperationException("The browser has not started.");
        var context = await chromium.NewContextAsync(new()
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(StepTimeoutMs);
        return await context.NewPageAsync();
    }

    public Task<IPage> NewPageAsync(Uri baseUrl, Screen screen) =>
        NewPageAsync(baseUrl, screen.Width, screen.Height, screen.IsMobile);

    /// <summary>
    /// Signs in through the real sign-in form, as a person would, and waits until the app has let them in.
    /// Fails with the form's own error messages when it does not.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Identity/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);

        var posted = page.WaitForResponseAsync(response =>
            response.Request.Method == "POST" && IsSignInPage(response.Url));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var response = await posted;

        // The app answers a good sign-in with a redirect, a refused one with the form and its error summary.
        if (response.Status != 302)
        {
            string reason;
            try
            {
                var summary = page.Locator("[data-error-summary]");
                await summary.WaitForAsync(new() { Timeout = 5_000 });
                reason = await summary.InnerTextAsync();
            }
            catch (TimeoutException)
            {
                reason = $"HTTP {response.Status} and no error summary";
            }

            throw new InvalidOperationException($"Signing in as {email} failed: {reason}");
        }

        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
        await WaitUntilLoadedAsync(page);
    }

    /// <summary>
    /// Waits until the page's document has finished loading (scripts and styles in). Polled in the page rather
    /// than through WaitForLoadStateAsync, whose check-then-subscribe can miss a load event under CPU pressure.
    /// </summary>
    public static Task WaitUntilLoadedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState === 'complete'");

    /// <summary>Saves a full-page PNG as {name}.png in <see cref="ScreenshotFolder"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        await WaitUntilLoadedAsync(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')) + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    private static bool IsSignInPage(string url) =>
        new Uri(url).AbsolutePath.StartsWith("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("/Identity/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex SignInPage();
}
