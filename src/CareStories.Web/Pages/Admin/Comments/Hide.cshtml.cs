using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.Comments;

/// <summary>
/// An Admin hides a comment from everyone, beside the other takedowns (quote redaction, photo removal): the words
/// stay on record for Admins with who hid it, when and why; everyone else sees that an admin hid it.
/// </summary>
public sealed class HideModel(CareStoriesDbContext db, StoryGate gate, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    [BindProperty]
    public HideInput Input { get; set; } = new();

    public CommentFacts Comment { get; private set; } = null!;

    public string StoryTitle { get; private set; } = "";

    public HideForm Form => new(ModelState);

    // Checked by Comment.Hide, so its messages are the ones shown.
    public sealed class HideInput
    {
        public string? HiddenReason { get; set; }
    }

    public sealed record HideForm(ModelStateDictionary ModelState) : FormState(ModelState);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == id, cancellationToken);
        try
        {
            comment.Hide(User.PersonId(), Input.HiddenReason, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The comment is hidden. Everyone sees “" + Domain.Stories.CommentWording.HiddenNotice + "”; admins still see its text and your reason.";
        return RedirectToPage("/Stories/Details", null, new { id = Comment.StoryId }, $"comment-{id}");
    }

    /// <summary>404 for a comment that does not exist or sits on a story the Admin may not read; null to go on.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var storyId = await db.Comments.Where(c => c.Id == id).Select(c => (int?)c.StoryId).SingleOrDefaultAsync(cancellationToken);
        if (storyId is not { } readable || (await gate.CheckAsync(this, readable, StoryOperations.Read, cancellationToken)).Denied is not null)
        {
            return NotFound();
        }

        Comment = (await CommentFacts.ReadAsync(db, readable, id, cancellationToken))!;
        if (!(await authorization.AuthorizeAsync(User, Comment, CommentOperations.Hide)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Comment.IsHidden)
        {
            TempData["StatusMessage"] = "That comment is already hidden.";
            return RedirectToPage("/Stories/Details", null, new { id = readable }, $"comment-{id}");
        }

        StoryTitle = await db.Stories.Where(s => s.Id == readable).Select(s => s.Title).SingleAsync(cancellationToken);
        return null;
    }
}
