using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default sign-in page because that one does not count failed attempts
/// (it signs in with lockoutOnFailure: false); here repeated failures really lock the account.
/// Its answers, and their time, are the same whether or not the address has an account: an unknown address
/// costs a password hash and "locks" after as many tries, and "confirm your email" needs the right password.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<Person> signInManager,
    UnknownAccountSignIns unknownAccounts,
    IOptions<IdentityOptions> identityOptions,
    ILogger<LoginModel> logger) : PageModel
{
    private const string NoMatchMessage = "That email address and password do not match an account.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(128, ErrorMessage = "Passwords are at most 128 characters.")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await signInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (person is null)
        {
            ModelState.AddModelError(string.Empty,
                unknownAccounts.FailAndIsLockedOut(Input.Email, Input.Password) ? LockedOutMessage : NoMatchMessage);
            return Page();
        }

        if (!person.IsActive)
        {
            // Refused whatever the password, after spending the time a check takes: it says no more than a lockout does.
            unknownAccounts.SpendAPasswordCheck(Input.Password);
            logger.LogWarning("A deactivated account tried to sign in.");
            ModelState.AddModelError(string.Empty, NotActiveMessage);
            return Page();
        }

        var wasLockedOut = await signInManager.UserManager.IsLockedOutAsync(person);
        var result = await signInManager.PasswordSignInAsync(person, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("A person signed in.");
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("An account was locked after repeated failed sign-ins.");
            if (wasLockedOut)
            {
                // A locked account is refused before its password is checked; spend the same time as a check.
                unknownAccounts.SpendAPasswordCheck(Input.Password);
            }

            ModelState.AddModelError(string.Empty, LockedOutMessage);
        }
        else if (result.IsNotAllowed && await signInManager.UserManager.CheckPasswordAsync(person, Input.Password))
        {
            ModelState.AddModelError(string.Empty,
                "Confirm your email address before signing in: follow the link in the message we sent you.");
        }
        else
        {
            if (result.IsNotAllowed)
            {
                // Identity refuses an unconfirmed account before the password; count the wrong one as it would.
                await signInManager.UserManager.AccessFailedAsync(person);
            }

            ModelState.AddModelError(string.Empty, NoMatchMessage);
        }

        return Page();
    }

    private const string NotActiveMessage =
        "This account is not active. If you think it should be, ask an administrator.";

    private string LockedOutMessage =>
        $"This account is locked for {(int)identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes after too many failed attempts. Try again later, or reset your password.";

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
