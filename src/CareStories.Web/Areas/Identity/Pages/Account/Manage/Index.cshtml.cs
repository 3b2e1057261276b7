using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity's profile page (a user name and a phone number nobody here uses): a person changes the name
/// colleagues know them by and their job title, checked by <see cref="Person.Rename"/> as an administrator's edit is.
/// </summary>
public sealed class IndexModel(UserManager<Person> users, SignInManager<Person> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public string? PhotoKey { get; private set; }

    public sealed class InputModel
    {
        // Checked by Person.Rename, so its messages are the ones shown.
        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Job title (optional)")]
        public string? JobTitle { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } person)
        {
            return NotFound();
        }

        Email = person.Email ?? "";
        PhotoKey = person.PhotoKey;
        Input = new InputModel { DisplayName = person.DisplayName, JobTitle = person.JobTitle };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } person)
        {
            return NotFound();
        }

        Email = person.Email ?? "";
        PhotoKey = person.PhotoKey;
        try
        {
            person.Rename(Input.DisplayName ?? "", Input.JobTitle);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        var saved = await users.UpdateAsync(person);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        // The name in the header comes from the sign-in cookie: renew it so the new name shows at once.
        await signIn.RefreshSignInAsync(person);
        TempData["StatusMessage"] = "Your profile is saved.";
        return RedirectToPage();
    }
}
