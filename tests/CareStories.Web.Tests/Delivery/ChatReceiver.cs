using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareStories.Web.Tests.Delivery;

/// <summary>
/// A stand-in for Slack's or Teams' webhook endpoint: Kestrel on 127.0.0.1 at a port the OS picks, recording every
/// JSON body posted to <see cref="Path"/>. It can answer the next posts with an error, or redirect.
/// </summary>
public sealed class ChatReceiver : IAsyncDisposable
{
    public const string Path = "/services/T0001/B0002/k8Zq4mVw1secret";

    private readonly WebApplication _app;
    private int _failNext;

    private ChatReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonNode> Received { get; } = new();

    /// <summary>Posts that reached the address a redirect pointed to (there should be none).</summary>
    public int Redirected;

    public Uri Url { get; private set; } = null!;

    public Uri RedirectingUrl => new(Url, "/moved");

    public void FailNext(int times) => Volatile.Write(ref _failNext, times);

    public static async Task<ChatReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new ChatReceiver(app);
        app.MapPost(Path, async (HttpContext context) =>
        {
            if (Interlocked.Decrement(ref receiver._failNext) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            receiver.Received.Enqueue((await JsonNode.ParseAsync(context.Request.Body))!);
            return Results.Ok();
        });
        app.MapPost("/moved", () => Results.Redirect(Path, permanent: false, preserveMethod: true));
        app.MapPost("/elsewhere", () =>
        {
            Interlocked.Increment(ref receiver.Redirected);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Urls.First()), Path);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
