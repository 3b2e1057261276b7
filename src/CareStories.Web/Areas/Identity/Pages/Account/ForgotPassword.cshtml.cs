using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default page so a deactivated person gets no reset link (it would let them back in to a password
/// that still cannot sign in, and say nothing true). Everyone gets the same answer, whether the address has an
/// account, an unconfirmed one or a deactivated one; the mail itself is queued, so the answer takes the same time.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<Person> users, IEmailSender mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the email you sign in with.")]
        [EmailAddress(ErrorMessage = "Enter an email address, such as name@example.com.")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await users.FindByEmailAsync(Input.Email.Trim());
        if (person is { IsActive: true } && await users.IsEmailConfirmedAsync(person))
        {
            var token = await users.GeneratePasswordResetTokenAsync(person);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = Url.Page("/Account/ResetPassword", pageHandler: null, values: new { area = "Identity", code }, protocol: Request.Scheme)
                ?? throw new InvalidOperationException("The Identity reset-password page is not mapped.");
            await mail.SendEmailAsync(
                person.Email!,
                "Choose a new CareStories password",
                $"<p>Someone asked to choose a new password for this address. <a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose a new password</a>.</p>" +
                "<p>If it was not you, ignore this message: your password stays as it is.</p>");
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
