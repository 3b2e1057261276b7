using System.Net;

using CareStories.Domain.Data;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:{free port}, over its own SQLite database file in a temporary
/// folder. Start-up runs the real migrations and, with Demo:Seed on, writes the demo people and stories, so a
/// journey can sign in as <see cref="DemoAccounts.Employee"/> straight away. One per test collection: tests in
/// it share the database, so they make distinct data (unique emails, titles).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    /// <summary>Newcomers may register with addresses at this domain (the demo accounts use another).</summary>
    public const string EmailDomain = "carestories.test";

    private readonly KestrelFactory _factory;

    public AppServer()
    {
        TempFolder = Directory.CreateTempSubdirectory("carestories-browser-").FullName;
        _factory = new KestrelFactory(this);
    }

    /// <summary>Where the app keeps its database, keys and mail for this run.</summary>
    public string TempFolder { get; }

    public string DatabasePath => Path.Combine(TempFolder, "carestories.db");

    /// <summary>The mail pickup folder: every message the app sends is an .eml file here.</summary>
    public string MailFolder => Path.Combine(TempFolder, "mail");

    /// <summary>The app's address, such as http://127.0.0.1:41873/ (known once the server has started).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The running app's services, to arrange or check data directly.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Where the app's warnings and errors go: the current test's output (the base class sets it).</summary>
    internal TestOutputLoggerProvider Log { get; } = new();

    /// <summary>Reads or arranges the database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<CareStoriesDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>());
    }

    public Task InitializeAsync()
    {
        // Loopback only, port chosen by the OS: parallel runs and other engineers' servers never collide.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no address.");
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Log.Dispose();

        // Pooled connections keep the database file open; let go of them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(TempFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS's temp clean-up.
        }
    }

    private sealed class KestrelFactory(AppServer server) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");

            // Outside Development, ASP.NET serves static files only from published output; the tests run from the
            // build output, so point it at the build's static web assets (wwwroot and Identity UI's bootstrap).
            builder.UseStaticWebAssets();
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:CareStories"] = new SqliteConnectionStringBuilder { DataSource = server.DatabasePath }.ToString(),
                ["DataFolder"] = server.TempFolder,
                ["Mail:PickupFolder"] = server.MailFolder,
                ["Demo:Seed"] = "true",
                ["Registration:AllowedEmailDomains:0"] = EmailDomain,
                ["RateLimiting:AccountPostsPerMinute"] = "10000",
                ["Logging:LogLevel:Default"] = "Warning",
                // Not Development, so the app asks for a key-encryption certificate; the tests accept plain keys.
                ["DataProtection:AllowUnencryptedKeys"] = "true",
                // The chat journey's channel is a receiver it starts on 127.0.0.1 (honoured only in Testing and Development).
                ["Chat:AllowLocalReceiverForTesting"] = "true",
            };
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(server.Log));
        }
    }
}
