using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Paging;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Admin.Permission;

/// <summary>The Admin writes the company's permission-to-care charter; every version is kept, the newest shows.</summary>
public sealed class CharterModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 10;

    private static readonly Keyset<CharterVersion, int> Newest = Keyset.NewestFirst((CharterVersion c) => c.WrittenAt, c => c.Id);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "The charter")]
        public string? Text { get; set; }
    }

    public sealed record VersionRow(int Id, string Text, string WrittenBy, DateTimeOffset WrittenAt);

    public IReadOnlyList<VersionRow> History { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        Input.Text = await db.CharterVersions.AsNoTracking()
            .OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id)
            .Select(c => c.Text)
            .FirstOrDefaultAsync(cancellationToken);
        await LoadHistoryAsync(after, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await db.CharterVersions.AsNoTracking()
            .OrderByDescending(c => c.WrittenAt).ThenByDescending(c => c.Id)
            .Select(c => c.Text)
            .FirstOrDefaultAsync(cancellationToken);
        try
        {
            var version = new CharterVersion(Input.Text, User.PersonId(), time.GetUtcNow());
            if (version.Text == current)
            {
                TempData["StatusMessage"] = "The charter is unchanged, so no new version was kept.";
                return RedirectToPage();
            }

            db.CharterVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            await LoadHistoryAsync(null, cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = "The charter is saved. Everyone sees it on the home page and beside the story form.";
        return RedirectToPage();
    }

    private async Task LoadHistoryAsync(string? after, CancellationToken cancellationToken)
    {
        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await db.CharterVersions.AsNoTracking().ToPageAsync(
            Newest, key, PageSize, c => new VersionRow(c.Id, c.Text, c.WrittenBy.DisplayName, c.WrittenAt), cancellationToken);
        History = page.Items;
        Next = page.Next?.ToString();
    }
}
