using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Admin.Permission;

/// <summary>
/// The Admin keeps the short list of procedures that must always be followed; everything else may be flexed for a
/// customer. One page: the list, and a form to add one or change the one being edited.
/// </summary>
public sealed class ProceduresModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The list is meant to stay short; past this many, the page says so.</summary>
    public const int ShortListSize = 7;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Procedure")]
        public string? Name { get; set; }

        [Display(Name = "Why it must always be followed")]
        public string? Why { get; set; }

        [Display(Name = "Owner")]
        public string? Owner { get; set; }
    }

    public sealed record Row(int Id, string Name, string Why, string Owner, int TimesBent);

    public IReadOnlyList<Row> Procedures { get; private set; } = [];

    /// <summary>The procedure being changed; null when the form adds one.</summary>
    public int? EditingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        if (edit is { } id)
        {
            var procedure = await db.MustFollowProcedures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (procedure is null)
            {
                return NotFound();
            }

            (EditingId, Input) = (id, new InputModel { Name = procedure.Name, Why = procedure.Why, Owner = procedure.Owner });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        EditingId = id;
        MustFollowProcedure? procedure = null;
        if (id is not null)
        {
            procedure = await db.MustFollowProcedures.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (procedure is null)
            {
                return NotFound();
            }
        }

        var name = TextRules.SingleLine(Input.Name);
        if (name.Length > 0 && await db.MustFollowProcedures.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", $"“{name}” is already on the list.");
        }

        try
        {
            if (procedure is null)
            {
                db.MustFollowProcedures.Add(new MustFollowProcedure(Input.Name, Input.Why, Input.Owner, time.GetUtcNow()));
            }
            else
            {
                procedure.Update(Input.Name, Input.Why, Input.Owner);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = id is null
            ? $"“{name}” is now a must-follow procedure. Stories that bend it are flagged to their reviewer."
            : $"“{name}” is saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var procedure = await db.MustFollowProcedures.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        // Stories that bent it keep naming the rule; it simply stops being a must-follow procedure.
        db.MustFollowProcedures.Remove(procedure);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{procedure.Name}” is no longer a must-follow procedure: it may be flexed for a customer.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Procedures = await db.MustFollowProcedures.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Why, p.Owner,
                db.StoryLatitudes.Count(l => l.BentRule != null && l.BentRule.ProcedureId == p.Id && l.Story.Status != StoryStatus.Draft)))
            .ToListAsync(cancellationToken);
}
