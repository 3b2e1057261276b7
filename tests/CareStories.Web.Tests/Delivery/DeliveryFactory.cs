using CareStories.Web.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CareStories.Web.Tests.Delivery;

/// <summary>
/// The app with its background delivery worker switched off, so a test runs each pass itself (<see cref="DeliverAsync"/>)
/// on the fake clock and sees exactly what one pass does.
/// </summary>
public class DeliveryFactory : CareStoriesFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Delivery:Worker"] = "false" };

    /// <summary>One worker pass: compose mail from what is new, then send what is due.</summary>
    public async Task<int> DeliverAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailComposer>().ComposeAsync(CancellationToken.None);
        }

        return await NewSender().SendDueAsync(CancellationToken.None);
    }

    /// <summary>A sender with a worker id of its own, as another instance of the app would have.</summary>
    public OutboxSender NewSender() => Services.GetRequiredService<OutboxSender>();
}

/// <summary>The same, with a transport the test controls instead of the pickup folder.</summary>
public sealed class ScriptedTransportFactory : DeliveryFactory
{
    public ScriptedTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMailTransport>(Transport));
    }
}

/// <summary>Records what it "sends"; a test can make the next sends fail or hang until cancelled.</summary>
public sealed class ScriptedTransport : IMailTransport
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();
    private int _failures;

    /// <summary>Message ids in the order they were accepted.</summary>
    public IReadOnlyCollection<string> Sent => _sent;

    /// <summary>Work each send does, so two workers really overlap.</summary>
    public TimeSpan SendTime { get; set; }

    /// <summary>The next send waits here until its worker is stopped (a crash mid-send).</summary>
    public bool HangNext { get; set; }

    public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FailNext(int times) => Volatile.Write(ref _failures, times);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (HangNext)
        {
            HangNext = false;
            Hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException("The mail server did not answer.");
        }

        if (SendTime > TimeSpan.Zero)
        {
            await Task.Delay(SendTime, cancellationToken);
        }

        _sent.Enqueue(message.MessageId ?? "");
    }
}
