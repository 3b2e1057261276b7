using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default page, which answered 200 for an address with an account and 404 for any other: this one
/// says the same to everyone and takes no address, so it cannot be asked who has an account.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl = null) =>
        ReturnUrl = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
