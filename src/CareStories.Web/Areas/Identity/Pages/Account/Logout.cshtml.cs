using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default sign-out page. Signing out ends every session of the person, not only this browser's:
/// a new security stamp makes any copy of the cookie fail its next check. An off-site return address is ignored
/// (the default page threw on it after clearing the cookie, so the error page went out and the person stayed signed in).
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<Person> signInManager, UserManager<Person> userManager, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        if (signInManager.IsSignedIn(User) && await userManager.GetUserAsync(User) is { } person)
        {
            await userManager.UpdateSecurityStampAsync(person);
        }

        await signInManager.SignOutAsync();
        logger.LogInformation("A person signed out.");
        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}
