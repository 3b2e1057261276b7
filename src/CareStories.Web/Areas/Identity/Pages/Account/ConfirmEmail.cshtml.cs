using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity's confirmation page, which thanks a person again for a link they already followed and leaves
/// them there: this one says when the address was already confirmed, and always offers the next step, signing in.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<Person> users) : PageModel
{
    public enum Outcome
    {
        Confirmed,
        AlreadyConfirmed,
        Failed,
    }

    public Outcome Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (userId is null || code is null)
        {
            return RedirectToPage("/Index", new { area = "" });
        }

        var person = await users.FindByIdAsync(userId);
        if (person is null)
        {
            Result = Outcome.Failed;
            return Page();
        }

        if (person.EmailConfirmed)
        {
            Result = Outcome.AlreadyConfirmed;
            return Page();
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            Result = Outcome.Failed;
            return Page();
        }

        Result = (await users.ConfirmEmailAsync(person, token)).Succeeded ? Outcome.Confirmed : Outcome.Failed;
        return Page();
    }
}
