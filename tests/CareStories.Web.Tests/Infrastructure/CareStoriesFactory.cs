using CareStories.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own private in-memory SQLite database, built by the real migrations at start-up.
/// The factory holds one connection open for its lifetime; the database lives exactly as long as the factory,
/// so every test class (one factory each, via IClassFixture) starts from an empty schema.
/// </summary>
public class CareStoriesFactory : WebApplicationFactory<Program>
{
    public const string EmailDomain = "carestories.test";

    private readonly string _databaseName = "carestories-test-" + Guid.NewGuid().ToString("N");
    private readonly SqliteConnection _keepAlive;

    public CareStoriesFactory()
    {
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
        TempFolder = Directory.CreateTempSubdirectory("carestories-tests-").FullName;
    }

    public string ConnectionString => $"Data Source={_databaseName};Mode=Memory;Cache=Shared";

    /// <summary>Where this factory's app writes mail and keys.</summary>
    public string TempFolder { get; }

    public string MailFolder => Path.Combine(TempFolder, "mail");

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
            ["ConnectionStrings:CareStories"] = ConnectionString,
            ["DataFolder"] = TempFolder,
            ["Mail:PickupFolder"] = MailFolder,
            ["Demo:Seed"] = "false",
            ["Registration:AllowedEmailDomains:0"] = EmailDomain,
            ["RateLimiting:AccountPostsPerMinute"] = "10000",
            ["RateLimiting:PhotoUploadsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive.Dispose();
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
