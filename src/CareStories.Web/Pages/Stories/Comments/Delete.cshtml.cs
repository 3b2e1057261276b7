using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Stories.Comments;

/// <summary>The writer deletes their own comment, after a confirmation. A comment an Admin hid stays on record.</summary>
public sealed class DeleteModel(CareStoriesDbContext db, StoryGate gate, IAuthorizationService authorization)
    : CommentPageModel(db, gate, authorization)
{
    public string StoryTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        StoryTitle = await Db.Stories.Where(s => s.Id == StoryId).Select(s => s.Title).SingleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var comment = await Db.Comments.SingleAsync(c => c.Id == Comment.Id && c.StoryId == StoryId, cancellationToken);
        try
        {
            comment.EnsureDeletableBy(User.PersonId());
            Db.Comments.Remove(comment);
        }
        catch (DomainException ex)
        {
            return RefusedBackToStory(ex, "comments");
        }

        await Db.SaveChangesAsync(cancellationToken);
        return BackToStory("Your comment was deleted.", "comments");
    }
}
