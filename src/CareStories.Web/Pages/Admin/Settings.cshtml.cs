using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CareStories.Domain.Settings;

namespace CareStories.Web.Pages.Admin;

/// <summary>How the company runs review: whether stories need a manager's review at all, and when one is overdue.</summary>
public sealed class SettingsModel(CareStoriesDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Publish stories on submission without review")]
        public bool PublishWithoutReview { get; set; }

        // Text, so whatever was typed comes back as typed; CompanySettings checks the number and words the message.
        [Display(Name = "Highlight stories waiting longer than")]
        public string? ReviewOverdueDays { get; set; }

        [Display(Name = "Invite recognition of people not recognised in")]
        public string? NotRecognisedDays { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        Input = new InputModel
        {
            PublishWithoutReview = settings.PublishWithoutReview,
            ReviewOverdueDays = settings.ReviewOverdueDays.ToString(CultureInfo.InvariantCulture),
            NotRecognisedDays = settings.NotRecognisedDays.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = await db.CompanySettings.SingleOrDefaultAsync(s => s.Id == CompanySettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            // The migrations write the row; a database restored without it gets it back here.
            settings = new CompanySettings();
            db.CompanySettings.Add(settings);
        }

        // Anything that is not a whole number is refused by the same rule as a number out of range.
        var days = int.TryParse(Input.ReviewOverdueDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        try
        {
            settings.Update(Input.PublishWithoutReview, days);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        try
        {
            settings.SetNotRecognisedDays(
                int.TryParse(Input.NotRecognisedDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quiet) ? quiet : 0);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = settings.PublishWithoutReview
            ? "Settings saved. Stories are now published as soon as they are submitted, without review."
            : $"Settings saved. Stories go to a manager for review, and stand out once they have waited longer than {settings.ReviewOverdueDays} {(settings.ReviewOverdueDays == 1 ? "day" : "days")}.";
        return RedirectToPage();
    }
}
