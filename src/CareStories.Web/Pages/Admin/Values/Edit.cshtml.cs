using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Catalogue;

namespace CareStories.Web.Pages.Admin.Values;

/// <summary>Adds a value to the catalogue (no id) or rewords one.</summary>
public sealed class EditModel(CareStoriesDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? ValueId { get; private set; }

    public bool IsNew => ValueId is null;

    public bool IsRetired { get; private set; }

    public sealed class InputModel
    {
        // Both are checked by CareValue itself, so its messages are the ones shown.
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "What it looks like in practice")]
        public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var value = await db.Values.AsNoTracking()
                .Where(v => v.Id == id)
                .Select(v => new { v.Name, v.Description, v.IsRetired })
                .SingleOrDefaultAsync(cancellationToken);
            if (value is null)
            {
                return NotFound();
            }

            Input = new InputModel { Name = value.Name, Description = value.Description };
            IsRetired = value.IsRetired;
        }

        ValueId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        CareValue? value = null;
        if (id is not null)
        {
            value = await db.Values.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
            if (value is null)
            {
                return NotFound();
            }

            IsRetired = value.IsRetired;
        }

        ValueId = id;
        var name = (Input.Name ?? "").Trim();
        await Names.CheckAsync(ModelState, name, id, cancellationToken);

        try
        {
            if (value is null)
            {
                value = new CareValue(Input.Name ?? "", Input.Description ?? "");
            }
            else
            {
                value.Update(Input.Name ?? "", Input.Description ?? "");
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || value is null)
        {
            return Page();
        }

        if (IsNew)
        {
            db.Values.Add(value);
        }

        if (!await Names.SaveAsync(db, ModelState, value.Name, id, cancellationToken))
        {
            return Page();
        }

        TempData["StatusMessage"] = IsNew ? $"Value “{value.Name}” added." : $"Value “{value.Name}” saved.";
        return RedirectToPage("./Index");
    }

    private UniqueNames Names => new(SameNameAsync, NameTakenMessage);

    private static string NameTakenMessage(string name) =>
        $"There is already a value called “{name}”. Choose another name, or restore it if it is retired.";

    /// <summary>The name of another value called this, ignoring capitals, if there is one: the column's collation compares (CareStoriesDbContext.CaseInsensitiveCollation).</summary>
    private Task<string?> SameNameAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        return db.Values.AsNoTracking()
            .Where(v => v.Name == name && v.Id != exceptId)
            .Select(v => v.Name)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
