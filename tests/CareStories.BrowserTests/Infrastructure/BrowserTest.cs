namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Base for a journey test: the shared <see cref="AppServer"/> and <see cref="Browser"/>, pages that close when the
/// test ends, and the browser's console errors and the app's warnings written to the test's output.
/// <code>
/// public sealed class WritingAStoryTests(AppServer app, Browser browser, ITestOutputHelper output)
///     : BrowserTest(app, browser, output)
/// {
///     [Theory]
///     [InlineData("phone")]
///     [InlineData("laptop")]
///     public async Task Employee_writes_a_story(string screen)
///     {
///         var page = await NewPageAsync(Screen.Named(screen));
///         await SignInAsync(page, DemoAccounts.Employee);
///         ...
///         await ScreenshotAsync(page, $"story-written-{screen}");
///         await AssertAccessibleAsync(page);
///     }
/// }
/// </code>
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _problems = [];

    protected BrowserTest(AppServer app, Browser browser, ITestOutputHelper output)
    {
        App = app;
        Browser = browser;
        Output = output;
        app.Log.Output = output;
    }

    protected AppServer App { get; }

    protected Browser Browser { get; }

    protected ITestOutputHelper Output { get; }

    /// <summary>A fresh, signed-out page at the given size, pointed at the app.</summary>
    protected async Task<IPage> NewPageAsync(int width, int height, bool isMobile = false)
    {
        var page = await Browser.NewPageAsync(App.BaseUrl, width, height, isMobile);
        _contexts.Add(page.Context);
        page.Console += (_, message) =>
        {
            // A blocked script or style means part of the page silently does not work for anyone.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Problem($"blocked by the Content Security Policy on {page.Url}: {message.Text}");
            }
            else if (message.Type is "error" or "warning")
            {
                WriteOutput($"[browser {message.Type}] {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problem($"script error on {page.Url}: {error}");

        // A journey that passes while a stylesheet or script fails to load is not a passing journey.
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                Problem($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // A page's script or picture still loading when the person moves on to the next page is cancelled by the
            // browser (net::ERR_ABORTED): nobody sees it fail. Any other failure, or an aborted page itself, is a problem.
            var leftBehind = request.Failure == "net::ERR_ABORTED" && !request.IsNavigationRequest;
            if (!leftBehind && request.Url.StartsWith(App.BaseUrl.ToString(), StringComparison.Ordinal))
            {
                Problem($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        return page;
    }

    protected Task<IPage> NewPageAsync(Screen screen) => NewPageAsync(screen.Width, screen.Height, screen.IsMobile);

    protected static Task SignInAsync(IPage page, string email, string password) => Browser.SignInAsync(page, email, password);

    protected static Task SignInAsync(IPage page, DemoAccount account) => Browser.SignInAsync(page, account.Email, account.Password);

    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var file = await Browser.ScreenshotAsync(page, name);
        Output.WriteLine($"Screenshot: {file}");
        return file;
    }

    /// <summary>
    /// Fails on serious or critical axe-core violations, on HTML_CodeSniffer's WCAG 2 AA errors (pa11y's engine and
    /// default) and on any tab stop without a 3:1 focus indicator, on the page as it is now.
    /// </summary>
    protected async Task AssertAccessibleAsync(IPage page)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page, Output);
        await CodeSniffer.AssertNoErrorsAsync(page);
        await FocusIndicators.AssertEveryTabStopAsync(page);
    }

    /// <summary>Waits for the newest message the app sent to <paramref name="recipient"/>.</summary>
    protected Task<PickedUpMail> MailToAsync(string recipient) => MailPickup.WaitForMessageToAsync(App.MailFolder, recipient);

    /// <summary>An email address no other test uses, at the domain registration accepts.</summary>
    protected static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)] + "@" + AppServer.EmailDomain;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        App.Log.Output = null;
        _problems.AddRange(App.Log.TakeErrors().Select(error => "the app logged an error: " + error));
        if (_problems.Count > 0)
        {
            Assert.Fail("The journey hit problems a person would notice:" + Environment.NewLine + string.Join(Environment.NewLine, _problems.Distinct()));
        }
    }

    private void Problem(string message)
    {
        lock (_problems)
        {
            _problems.Add(message);
        }

        WriteOutput("[problem] " + message);
    }

    private void WriteOutput(string line)
    {
        try
        {
            Output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The page outlived its test; nobody is listening.
        }
    }
}
