using CareStories.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own private database, built by the real migrations: an in-memory SQLite database (the
/// factory holds one connection open for its lifetime), or in CareStories.Web.Tests.PostgreSQL a PostgreSQL database
/// of its own (<see cref="PostgresTestDatabase"/>). The database lives exactly as long as the factory, so every test
/// class (one factory each, via IClassFixture) starts from an empty schema.
/// The app's clock is <see cref="Clock"/>, a fake that stands still at <see cref="Start"/> until a test moves it,
/// so no test depends on the wall clock. Passwords are hashed cheaply (see <see cref="RealPasswordHashing"/>).
/// </summary>
public class CareStoriesFactory : WebApplicationFactory<Program>
{
    public const string EmailDomain = "carestories.test";

    /// <summary>The instant every factory's clock starts at: midday UTC, so "today" is the same date in every time zone within 12 hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection? _keepAlive;
    private readonly PostgresTestDatabase? _postgres;

    public CareStoriesFactory()
    {
        if (TestDatabase.IsPostgres)
        {
            _postgres = new PostgresTestDatabase();
            ConnectionString = _postgres.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source=carestories-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
        }

        TempFolder = Directory.CreateTempSubdirectory("carestories-tests-").FullName;
    }

    /// <summary>The database this factory's app runs on (<see cref="TestDatabase.Provider"/> says which kind).</summary>
    public string ConnectionString { get; }

    /// <summary>Where this factory's app writes mail and keys.</summary>
    public string TempFolder { get; }

    public string MailFolder => Path.Combine(TempFolder, "mail");

    /// <summary>
    /// The app's <see cref="TimeProvider"/> (pages, domain calls, Identity's cookies and security stamps). It does not
    /// move by itself: tests read "now" from it and call <c>Clock.Advance</c> to let time pass.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>
    /// Identity's real password hashing (PBKDF2, 100,000 rounds) costs tens of milliseconds per person made and per
    /// sign-in, which adds up to minutes over the suite. Only tests about signing in, registering and passwords need
    /// the real cost (<see cref="RealPasswordsFactory"/>); everywhere else one round keeps sign-ins real and cheap.
    /// </summary>
    protected virtual bool RealPasswordHashing => false;

    /// <summary>Settings a test class wants different from the defaults below (set before first use).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public TestData Data => new(Services);

    /// <summary>A scope to read or arrange the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<CareStoriesDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>());
    }

    public async Task WithDbAsync(Func<CareStoriesDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>());
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    /// <summary>Signs in through the real sign-in page and returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(TestPerson person)
    {
        var client = CreateBrowserClient();
        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Signing in as {person.Email} failed with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings:CareStories"] = ConnectionString,
            ["DataFolder"] = TempFolder,
            ["Mail:PickupFolder"] = MailFolder,
            ["Demo:Seed"] = "false",
            ["Insights:WeeklyNudges"] = "false",
            ["Registration:AllowedEmailDomains:0"] = EmailDomain,
            ["RateLimiting:AccountPostsPerMinute"] = "10000",
            ["RateLimiting:PhotoUploadsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            // Not Development, so the app asks for a key-encryption certificate; the tests accept plain keys.
            ["DataProtection:AllowUnencryptedKeys"] = "true",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (!RealPasswordHashing)
            {
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive?.Dispose();
            _postgres?.Dispose();
            try
            {
                Directory.Delete(TempFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the host is left for the OS to clean up.
            }
        }
    }
}
