using System.ComponentModel.DataAnnotations;
using CareStories.Domain.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default sign-in page because that one does not count failed attempts
/// (it signs in with lockoutOnFailure: false); here repeated failures really lock the account.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<Person> signInManager, IOptions<IdentityOptions> identityOptions, ILogger<LoginModel> logger) : PageModel
{
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

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
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
            var minutes = (int)identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            ModelState.AddModelError(string.Empty,
                $"This account is locked for {minutes} minutes after too many failed attempts. Try again later, or reset your password.");
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty,
                "Confirm your email address before signing in: follow the link in the message we sent you.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "That email address and password do not match an account.");
        }

        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
