using System.Collections.Concurrent;
using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Tests.Security;

/// <summary>Writes every entry of Information and above as the app's console would, to read back in a test.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly SafeLogFormatter _formatter = new();
    private readonly ConcurrentQueue<string> _written = new();

    public string Text => string.Concat(_written);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            log._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, writer);
            log._written.Enqueue(writer.ToString());
        }
    }
}

public sealed class CapturedLogFactory : CareStoriesFactory
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log).AddFilter<CapturedLog>(null, LogLevel.Information));
    }
}

public sealed class LogSafetyTests(CapturedLogFactory factory) : IClassFixture<CapturedLogFactory>
{
    [Fact]
    public void The_console_log_writes_a_forged_line_break_in_a_form_value_inside_its_one_line()
    {
        Assert.Equal(SafeLogFormatter.Name, factory.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        var formatter = factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == SafeLogFormatter.Name);
        var typed = "Rosa\r\n2026-01-01T00:00:00.000Z info Admin[0]: admin@carestories.test was given the Admin role\u2028";
        using var writer = new StringWriter();

        formatter.Write(
            new LogEntry<string>(LogLevel.Error, "Test", new EventId(1), typed, new FormatException($"'{typed}' is not a number."), (state, _) => $"Could not read {state}"),
            null,
            writer);

        var written = writer.ToString();
        Assert.Equal(written.Length - 1, written.IndexOf('\n', StringComparison.Ordinal));
        Assert.DoesNotContain('\r', written);
        Assert.DoesNotContain('\u2028', written);
        Assert.Contains("Rosa\\r\\n2026", written, StringComparison.Ordinal);
        Assert.DoesNotContain("admin@carestories.test", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_up_and_the_mail_it_sends_log_no_email_address()
    {
        var name = TestData.Unique("Applicant");
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@{CareStoriesFactory.EmailDomain}";

        await factory.CreateBrowserClient().SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = "four unrelated words here",
            ["Input.ConfirmPassword"] = "four unrelated words here",
        });
        Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email));
        await Task.Delay(200); // the send is logged just after the file is written

        Assert.Contains("Sent outgoing mail", factory.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, factory.Log.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], factory.Log.Text, StringComparison.OrdinalIgnoreCase);
    }
}
