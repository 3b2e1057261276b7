namespace CareStories.Web.Pages.Admin.Values;

/// <summary>The values catalogue: what each value means, whether it can still be chosen, and how often it is.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public IReadOnlyList<ValueRow> Values { get; private set; } = [];

    public sealed record ValueRow(int Id, string Name, string Description, bool IsRetired, int StoryCount);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Values = await db.Values.AsNoTracking()
            .OrderBy(v => v.IsRetired)
            .ThenBy(v => v.Name)
            .Select(v => new ValueRow(v.Id, v.Name, v.Description, v.IsRetired, db.Set<StoryValue>().Count(s => s.ValueId == v.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes a value out of the choices for new stories; stories that show it keep it.</summary>
    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken)
    {
        var value = await db.Values.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (value is null)
        {
            return NotFound();
        }

        value.Retire();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{value.Name}” is retired. Stories that show it keep it; new stories cannot choose it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        var value = await db.Values.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (value is null)
        {
            return NotFound();
        }

        value.Restore();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{value.Name}” is back in use: stories can choose it again.";
        return RedirectToPage();
    }
}
