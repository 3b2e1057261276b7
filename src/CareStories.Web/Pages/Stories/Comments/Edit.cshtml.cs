using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Stories.Comments;

/// <summary>The writer changes their own comment on a published story; nobody else may.</summary>
public sealed class EditModel(CareStoriesDbContext db, StoryGate gate, IAuthorizationService authorization, TimeProvider time)
    : CommentPageModel(db, gate, authorization)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string StoryTitle { get; private set; } = "";

    public sealed class InputModel
    {
        // Checked by Comment itself, so its messages are the ones shown.
        public string? Text { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new InputModel { Text = Comment.Text };
        StoryTitle = await Db.Stories.Where(s => s.Id == StoryId).Select(s => s.Title).SingleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var comment = await Db.Comments.SingleAsync(c => c.Id == Comment.Id && c.StoryId == StoryId, cancellationToken);
        try
        {
            comment.Edit(User.PersonId(), Input.Text, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            StoryTitle = await Db.Stories.Where(s => s.Id == StoryId).Select(s => s.Title).SingleAsync(cancellationToken);
            return Page();
        }

        await Db.SaveChangesAsync(cancellationToken);
        return BackToStory("Your comment was updated.", $"comment-{Comment.Id}");
    }
}
