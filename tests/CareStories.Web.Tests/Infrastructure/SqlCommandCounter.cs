using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app runs, to show a page asks a fixed number of questions however many rows it
/// shows (no N+1). <see cref="ForApp"/> gives a copy of the app over the same database with the counter attached.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public static (WebApplicationFactory<Program> App, SqlCommandCounter Counter) ForApp(CareStoriesFactory factory)
    {
        var counter = new SqlCommandCounter();
        // No delivery worker in this copy: its passes would be counted with the request's commands.
        var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Delivery:Worker", "false").UseSetting("Freshness:ListenForChanges", "false").ConfigureServices(services =>
            services.ConfigureDbContext<Domain.Data.CareStoriesDbContext>(options => options.AddInterceptors(counter))
                .ObserveStampCommands(_ => Interlocked.Increment(ref counter._count))));
        return (app, counter);
    }

    /// <summary>Signs in to <paramref name="app"/> through the real sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, TestPerson person)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://localhost"),
        });
        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The commands one request runs.</summary>
    public async Task<int> CountAsync(Func<Task> request)
    {
        Reset();
        await request();
        return Count;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
