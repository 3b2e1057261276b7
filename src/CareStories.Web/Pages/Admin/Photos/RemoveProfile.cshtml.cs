using System.ComponentModel.DataAnnotations;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.Photos;

/// <summary>
/// An Admin takes a person's profile photo down (moderation), with a reason kept on record as for a story photo. The
/// files are deleted; the person sees who removed it, when and why on their photo page and may add another.
/// </summary>
public sealed class RemoveProfileModel(CareStoriesDbContext db, IPhotoStore store, TimeProvider time) : PageModel
{
    [BindProperty]
    public RemoveInput Input { get; set; } = new();

    public PersonWithPhoto Person { get; private set; } = null!;

    public RemoveForm Form => new(ModelState);

    public sealed class RemoveInput
    {
        [Required(ErrorMessage = "Say why the photo is being removed; the reason is kept on record.")]
        [StringLength(ProfilePhotoTakedown.ReasonMaxLength, ErrorMessage = "Keep the reason to {1:N0} characters or fewer.")]
        [Display(Name = "Why")]
        public string? Reason { get; set; }
    }

    public sealed record RemoveForm(ModelStateDictionary ModelState) : FormState(ModelState);

    public sealed record PersonWithPhoto(string Id, string Name, string PhotoKey);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await db.Users.SingleAsync(p => p.Id == id, cancellationToken);
        string removed;
        try
        {
            removed = person.TakeDownPhoto(User.PersonId(), Input.Reason, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(Input));
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        // The row is changed first: a failure here leaves an unreachable file, never a photo without its file.
        await store.DeleteAsync(removed, CancellationToken.None);
        TempData["StatusMessage"] = $"{Person.Name}'s photo was removed. The reason is on record.";
        return RedirectToPage("/People/Details", new { id });
    }

    /// <summary>The person and their current photo; 404 when there is no such person or no photo to remove.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking()
            .Where(p => p.Id == id && p.PhotoKey != null)
            .Select(p => new PersonWithPhoto(p.Id, p.DisplayName, p.PhotoKey!))
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        return null;
    }
}
