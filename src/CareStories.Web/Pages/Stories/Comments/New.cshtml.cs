namespace CareStories.Web.Pages.Stories.Comments;

/// <summary>
/// Anyone who can read a published story comments on it; its people are told. The story page carries the same
/// form; a refused comment comes back here with the message beside the field and the words kept.
/// </summary>
public sealed class NewModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    [BindProperty]
    public CommentInput NewComment { get; set; } = new();

    public string StoryTitle { get; private set; } = "";

    public sealed class CommentInput
    {
        // Checked by Comment itself, so its messages are the ones shown.
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Facts.Status != StoryStatus.Published)
        {
            return BackToStory("Only a published story can be commented on.");
        }

        StoryTitle = await db.Stories.Where(s => s.Id == StoryId).Select(s => s.Title).SingleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Comment comment;
        try
        {
            comment = Comment.Write(Facts, User.PersonId(), NewComment.Text, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(NewComment));
            StoryTitle = await db.Stories.Where(s => s.Id == StoryId).Select(s => s.Title).SingleAsync(cancellationToken);
            return Page();
        }

        // The story's people are told by the comment's event, in this same save.
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return BackToStory("Your comment is posted.", $"comment-{comment.Id}");
    }
}
