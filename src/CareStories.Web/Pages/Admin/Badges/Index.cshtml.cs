using CareStories.Domain.Catalogue;

namespace CareStories.Web.Pages.Admin.Badges;

/// <summary>The badge catalogue: how each badge looks, whether it can still be given, and how often it was.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public IReadOnlyList<BadgeRow> Badges { get; private set; } = [];

    public sealed record BadgeRow(int Id, string Name, string Description, BadgeColour Colour, string? Emoji, bool IsRetired, int TimesGiven);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Badges = await db.Badges.AsNoTracking()
            .OrderBy(b => b.IsRetired)
            .ThenBy(b => b.Name)
            .Select(b => new BadgeRow(b.Id, b.Name, b.Description, b.Colour, b.Emoji, b.IsRetired, db.Celebrations.Count(c => c.BadgeId == b.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes a badge out of the choices for new celebrations; celebrations that carry it keep it.</summary>
    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken)
    {
        var badge = await db.Badges.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (badge is null)
        {
            return NotFound();
        }

        badge.Retire();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{badge.Name}” is retired. Celebrations that carry it keep it; nobody can give it again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        var badge = await db.Badges.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (badge is null)
        {
            return NotFound();
        }

        badge.Restore();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{badge.Name}” is back in use: managers and leaders can give it again.";
        return RedirectToPage();
    }
}
