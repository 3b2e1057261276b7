using CareStories.Domain;
using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using CareStories.Web.Authorization;
using CareStories.Web.Identity;
using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories.Comments;

/// <summary>The writer changes their own comment on a published story; nobody else may.</summary>
public sealed class EditModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int StoryId { get; private set; }

    public string StoryTitle { get; private set; } = "";

    public int CommentId { get; private set; }

    public sealed class InputModel
    {
        // Checked by Comment itself, so its messages are the ones shown.
        public string? Text { get; set; }
    }

    private sealed record CommentFacts(string AuthorId, string Text, bool IsHidden, string StoryTitle, StoryStatus StoryStatus);

    public async Task<IActionResult> OnGetAsync(int storyId, int commentId, CancellationToken cancellationToken)
    {
        var (denied, facts) = await CheckAsync(storyId, commentId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Input = new InputModel { Text = facts!.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int storyId, int commentId, CancellationToken cancellationToken)
    {
        var (denied, _) = await CheckAsync(storyId, commentId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var story = await db.Stories
            .Include(s => s.Comments.Where(c => c.Id == commentId))
            .SingleAsync(s => s.Id == storyId, cancellationToken);
        try
        {
            story.EditComment(commentId, User.PersonId(), Input.Text, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Your comment was updated.";
        return RedirectToPage("/Stories/Details", null, new { id = storyId }, $"comment-{commentId}");
    }

    /// <summary>
    /// 404 when the story cannot be read or the comment is not on it, 403 when it is someone else's comment;
    /// a hidden comment, or one on a story no longer published, sends the writer back to the story, told why.
    /// </summary>
    private async Task<(IActionResult? Denied, CommentFacts? Facts)> CheckAsync(int storyId, int commentId, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, storyId, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return (denied, null);
        }

        var facts = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.StoryId == storyId)
            .Select(c => new CommentFacts(
                c.AuthorId, c.Text, c.HiddenAt != null,
                db.Stories.Where(s => s.Id == storyId).Select(s => s.Title).First(),
                db.Stories.Where(s => s.Id == storyId).Select(s => s.Status).First()))
            .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            return (NotFound(), null);
        }

        if (facts.AuthorId != User.PersonId())
        {
            return (StatusCode(StatusCodes.Status403Forbidden), null);
        }

        StoryId = storyId;
        CommentId = commentId;
        StoryTitle = facts.StoryTitle;
        var refusal = facts.IsHidden ? "An admin hid this comment, so it can no longer be edited."
            : facts.StoryStatus != StoryStatus.Published ? "Comments can only be changed while the story is published."
            : null;
        if (refusal is not null)
        {
            TempData["StatusMessage"] = refusal;
            return (RedirectToPage("/Stories/Details", new { id = storyId }), null);
        }

        return (null, facts);
    }
}
