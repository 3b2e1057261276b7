using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// Refuses requests no page was written for, for every page at once, so a crafted request meets a 404 or 400
/// instead of a page that renders without its handler having run (a NullReferenceException, then a 500):
/// a POST with no or an unknown handler, a GET naming a handler the page does not have, an account link whose
/// code is not even well-formed, and the two-factor pages opened with no sign-in in progress. It also keeps an
/// unreadable value for a tick box (binding already refused it) from reaching the tag helper that would throw on it.
/// One instance serves every request: the sign-in manager (a user manager and store with it) is asked for only on the
/// two pages that need it, not built for every page.
/// </summary>
public sealed class RequestShapeFilter : IAsyncPageFilter
{
    private static readonly string[] PagesWithCodes = ["/Account/ResetPassword", "/Account/ConfirmEmail", "/Account/ConfirmEmailChange"];
    private static readonly string[] TwoFactorPages = ["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var page = context.ActionDescriptor;
        if (context.HandlerMethod is null
            && (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                || page.HandlerMethods.Any(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase))))
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (page.AreaName == "Identity")
        {
            if (PagesWithCodes.Contains(page.ViewEnginePath, StringComparer.OrdinalIgnoreCase)
                && request.Query["code"] is { Count: > 0 } code && !IsBase64Url(code.ToString()))
            {
                context.Result = new BadRequestResult();
                return;
            }

            if (TwoFactorPages.Contains(page.ViewEnginePath, StringComparer.OrdinalIgnoreCase)
                && await context.HttpContext.RequestServices.GetRequiredService<SignInManager<Person>>().GetTwoFactorAuthenticationUserAsync() is null)
            {
                context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity" });
                return;
            }
        }

        ForgetUnreadableTickBoxes(context);
        await next();
    }

    private static bool IsBase64Url(string value)
    {
        try
        {
            WebEncoders.Base64UrlDecode(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // The checkbox tag helper converts the posted text back to a bool to tick the box and throws on "maybe";
    // the field's error stays, only the text the box cannot show is dropped.
    private static void ForgetUnreadableTickBoxes(PageHandlerExecutingContext context)
    {
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState == ModelValidationState.Invalid
                && entry.RawValue is not null
                && !bool.TryParse(entry.AttemptedValue, out _)
                && PropertyType(context.HandlerInstance.GetType(), key) is { } type
                && (type == typeof(bool) || type == typeof(bool?)))
            {
                context.ModelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }

    private static Type? PropertyType(Type type, string key)
    {
        Type? current = type;
        foreach (var name in key.Split('.'))
        {
            if (current is null || name.Contains('['))
            {
                return null;
            }

            current = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return current;
    }
}
