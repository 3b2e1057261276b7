using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Catalogue;

namespace CareStories.Web.Pages.Admin.Badges;

/// <summary>Adds a badge to the catalogue (no id) or changes how one reads and looks.</summary>
public sealed class EditModel(CareStoriesDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? BadgeId { get; private set; }

    public bool IsNew => BadgeId is null;

    public bool IsRetired { get; private set; }

    public int TimesGiven { get; private set; }

    public sealed class InputModel
    {
        // All are checked by Badge itself, so its messages are the ones shown.
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "What earns it")]
        public string? Description { get; set; }

        [Display(Name = "Colour")]
        public BadgeColour? Colour { get; set; } = BadgeColour.Teal;

        [Display(Name = "Emoji (optional)")]
        public string? Emoji { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var badge = await db.Badges.AsNoTracking()
                .Where(b => b.Id == id)
                .Select(b => new { b.Name, b.Description, b.Colour, b.Emoji, b.IsRetired, TimesGiven = db.Celebrations.Count(c => c.BadgeId == b.Id) })
                .SingleOrDefaultAsync(cancellationToken);
            if (badge is null)
            {
                return NotFound();
            }

            Input = new InputModel { Name = badge.Name, Description = badge.Description, Colour = badge.Colour, Emoji = badge.Emoji };
            IsRetired = badge.IsRetired;
            TimesGiven = badge.TimesGiven;
        }

        BadgeId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Badge? badge = null;
        if (id is not null)
        {
            badge = await db.Badges.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (badge is null)
            {
                return NotFound();
            }

            IsRetired = badge.IsRetired;
            TimesGiven = await db.Celebrations.CountAsync(c => c.BadgeId == id, cancellationToken);
        }

        BadgeId = id;
        var name = Domain.Stories.TextRules.SingleLine(Input.Name);
        await Names.CheckAsync(ModelState, name, id, cancellationToken);

        // An unknown colour (a hand-made post) is refused by Badge with its own message, next to the field.
        var colour = Input.Colour ?? (BadgeColour)(-1);
        try
        {
            if (badge is null)
            {
                badge = new Badge(Input.Name ?? "", Input.Description ?? "", colour, Input.Emoji);
            }
            else
            {
                badge.Update(Input.Name ?? "", Input.Description ?? "", colour, Input.Emoji);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || badge is null)
        {
            return Page();
        }

        if (IsNew)
        {
            db.Badges.Add(badge);
        }

        if (!await Names.SaveAsync(db, ModelState, badge.Name, id, cancellationToken))
        {
            return Page();
        }

        TempData["StatusMessage"] = IsNew ? $"Badge “{badge.Name}” added." : $"Badge “{badge.Name}” saved.";
        return RedirectToPage("./Index");
    }

    private UniqueNames Names => new(SameNameAsync, NameTakenMessage);

    private static string NameTakenMessage(string name) =>
        $"There is already a badge called “{name}”. Choose another name, or restore it if it is retired.";

    /// <summary>The name of another badge called this, ignoring capitals, if there is one: the column's collation compares (CareStoriesDbContext.CaseInsensitiveCollation).</summary>
    private Task<string?> SameNameAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        return db.Badges.AsNoTracking()
            .Where(b => b.Name == name && b.Id != exceptId)
            .Select(b => b.Name)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
