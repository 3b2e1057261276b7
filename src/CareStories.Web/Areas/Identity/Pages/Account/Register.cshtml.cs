using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default registration page: only the company's email domains may register, a display name is
/// asked for, and every new account starts as an Employee.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<Person> userManager,
    SignInManager<Person> signInManager,
    IEmailSender emailSender,
    IOptions<RegistrationOptions> registration,
    TimeProvider time,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public IReadOnlyList<string> AllowedDomains =>
        registration.Value.AllowsAnyDomain ? [] : registration.Value.AllowedEmailDomains;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name as colleagues know it.")]
        [StringLength(Person.DisplayNameMaxLength, ErrorMessage = "Keep your name to {1:N0} characters or fewer.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your work email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [StringLength(256)]
        [Display(Name = "Work email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordRules.MaximumLength, MinimumLength = PasswordRules.MinimumLength,
            ErrorMessage = "Use a password of {2:N0} to {1:N0} characters. A few unrelated words make a strong one.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        // The account is stored under the trimmed address; mail and the next page must use the same one.
        Input.Email = (Input.Email ?? "").Trim();
        if (!string.IsNullOrWhiteSpace(Input.Email) && !registration.Value.Allows(Input.Email))
        {
            ModelState.AddModelError("Input.Email",
                $"Accounts can be created only with a company email address ({string.Join(", ", AllowedDomains.Select(d => "@" + d))}). Ask an administrator to add you if you use another.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Person person;
        try
        {
            person = new Person(Input.Email.Trim(), Input.DisplayName, null, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(error.Field is null ? "" : "Input." + error.Field, error.Message);
            }

            return Page();
        }

        var result = await userManager.CreateAsync(person, Input.Password);
        if (!result.Succeeded && result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            && await userManager.FindByEmailAsync(Input.Email) is { } owner)
        {
            // The same answer as a new account gets, so the page does not tell who has one; the owner hears of it.
            await TellOwnerSomeoneTriedAsync(owner);
            return RedirectToPage("RegisterConfirmation", new { returnUrl = ReturnUrl });
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code is "InvalidEmail" or "InvalidUserName" ? "Input.Email"
                    : "";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await userManager.AddToRoleAsync(person, Roles.Employee);
        logger.LogInformation("A new account was created.");

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await userManager.GenerateEmailConfirmationTokenAsync(person)));
        var link = Url.Page("/Account/ConfirmEmail", pageHandler: null,
            values: new { area = "Identity", userId = person.Id, code, returnUrl = ReturnUrl }, protocol: Request.Scheme)!;
        await emailSender.SendEmailAsync(Input.Email, "Confirm your CareStories account",
            $"<p>Hello {HtmlEncoder.Default.Encode(person.DisplayName)},</p>" +
            $"<p>Confirm your account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">following this link</a>.</p>" +
            "<p>If you did not ask for an account, you can ignore this message.</p>");

        if (userManager.Options.SignIn.RequireConfirmedAccount)
        {
            return RedirectToPage("RegisterConfirmation", new { returnUrl = ReturnUrl });
        }

        await signInManager.SignInAsync(person, isPersistent: false);
        return LocalRedirect(ReturnUrl);
    }

    private async Task TellOwnerSomeoneTriedAsync(Person owner)
    {
        logger.LogInformation("Someone tried to register an address that already has an account.");
        var reset = Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!;
        await emailSender.SendEmailAsync(owner.Email!, "Someone tried to create a CareStories account with your address",
            $"<p>Hello {HtmlEncoder.Default.Encode(owner.DisplayName)},</p>" +
            "<p>Someone just tried to create a new CareStories account with your email address, which already has one. " +
            "No new account was made.</p>" +
            $"<p>If it was you, sign in as usual; if you have forgotten your password, <a href=\"{HtmlEncoder.Default.Encode(reset)}\">choose a new one</a>. " +
            "If it was not you, you can ignore this message.</p>");
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
