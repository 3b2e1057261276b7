using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Operations;

/// <summary>
/// The app with settings of the test's choosing, as one of several instances. The test server has no socket, so a
/// request names the address it "comes from" in <see cref="PeerHeader"/> (the connection's address a proxy would
/// have); without it the address is empty, as the test server leaves it.
/// </summary>
public class ConfiguredFactory(IReadOnlyDictionary<string, string?> settings) : CareStoriesFactory
{
    public const string PeerHeader = "X-Test-Connection-From";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public static class SignInAttempts
{
    /// <summary>Posts a wrong password through the real sign-in form, as a browser behind <paramref name="peer"/> with X-Forwarded-For <paramref name="forwardedFor"/>.</summary>
    public static async Task<HttpStatusCode> WrongPasswordAsync(this HttpClient client, string peer, string? forwardedFor = null)
    {
        client.DefaultRequestHeaders.Remove(ConfiguredFactory.PeerHeader);
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add(ConfiguredFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}",
            ["Input.Password"] = "a wrong password guess",
        });
        return response.StatusCode;
    }
}
