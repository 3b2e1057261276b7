namespace CareStories.Web.Infrastructure;

/// <summary>
/// Where a plain <c>dotnet run</c> answers. The address used to come from launchSettings.json's applicationUrl,
/// which <c>dotnet run</c> writes over ASPNETCORE_URLS, so a chosen address was silently ignored. Now the default
/// applies only when nothing chose an address: <c>--urls</c>, ASPNETCORE_URLS (or DOTNET_URLS), the *_HTTP_PORTS
/// and *_HTTPS_PORTS variables and Kestrel endpoints in configuration all win.
/// </summary>
public static class DefaultAddress
{
    public const string Development = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultAddressInDevelopment(this WebApplicationBuilder builder)
    {
        // Only the demo (Development) gets 5080; elsewhere the framework's own default stays.
        if (builder.Environment.IsDevelopment() && !AddressChosen(builder.Configuration))
        {
            builder.WebHost.UseUrls(Development);
        }

        return builder;
    }

    private static bool AddressChosen(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
