using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

/// <summary>The few facts about a comment that decide who may change or hide it, and what the pages say of it.</summary>
public sealed record CommentFacts(int Id, int StoryId, string AuthorId, string AuthorName, string Text, bool IsHidden)
{
    /// <summary>The comment, or null when there is no such comment on that story.</summary>
    public static Task<CommentFacts?> ReadAsync(CareStoriesDbContext db, int storyId, int commentId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.StoryId == storyId)
            .Select(c => new CommentFacts(c.Id, c.StoryId, c.AuthorId, c.Author.DisplayName, c.Text, c.HiddenAt != null))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Who may change or hide one comment. Reading it is reading its story (<see cref="StoryOperations.Read"/>).</summary>
public sealed class CommentAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CommentFacts>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CommentFacts comment)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var allowed = requirement.Name switch
        {
            nameof(CommentOperations.Change) => comment.AuthorId == context.User.PersonId(),
            nameof(CommentOperations.Hide) => context.User.IsInRole(Roles.Admin),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
