using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// The framework's cookie-based temp data (the one-time "saved" messages), without its pointless work: every page's
/// layout looks for a message, so every response used to carry a <c>Set-Cookie</c> deleting a temp-data cookie the
/// browser had never sent. With nothing to keep and no such cookie in the request there is nothing to delete, and that
/// header (built per request, about 120 bytes) is left out. Everything else is the framework's provider unchanged.
/// </summary>
public sealed class QuietTempData(ITempDataProvider framework, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string _cookieName = options.Value.Cookie.Name!;

    public IDictionary<string, object?> LoadTempData(HttpContext context) => framework.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object?> values)
    {
        // A chunked cookie keeps its first part under the same name, so this also sees one split in parts.
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(_cookieName))
        {
            return;
        }

        framework.SaveTempData(context, values);
    }

    /// <summary>Wraps the registered temp-data provider (the framework's cookie provider).</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ITempDataProvider));
        services.Remove(registered);
        services.AddSingleton<ITempDataProvider>(provider => new QuietTempData(
            (ITempDataProvider)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
    }
}
