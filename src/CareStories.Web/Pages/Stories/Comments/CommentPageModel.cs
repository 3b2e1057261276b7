using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Stories.Comments;

/// <summary>
/// A page where the writer changes their own comment (edit, delete). After the story's check: 404 when the comment
/// is not on the story, 403 when it is someone else's; a hidden comment, or one on a story no longer published,
/// sends the writer back to the story, told why.
/// </summary>
public abstract class CommentPageModel(CareStoriesDbContext db, StoryGate gate, IAuthorizationService authorization) : StoryPageModel(gate)
{
    protected override string StoryIdRouteValue => "storyId";

    protected CareStoriesDbContext Db { get; } = db;

    public CommentFacts Comment { get; private set; } = null!;

    protected override async Task<IActionResult?> CheckRecordAsync(CancellationToken cancellationToken)
    {
        var commentId = int.TryParse(Convert.ToString(RouteData.Values["commentId"], System.Globalization.CultureInfo.InvariantCulture), out var parsed) ? parsed : 0;
        var comment = await CommentFacts.ReadAsync(Db, StoryId, commentId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, comment, CommentOperations.Change)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Comment = comment;
        var refusal = comment.IsHidden ? CommentWording.HiddenStaysOnRecord
            : Facts.Status != StoryStatus.Published ? "Comments can only be changed while the story is published."
            : null;
        return refusal is null ? null : BackToStory(refusal, $"comment-{comment.Id}");
    }
}
