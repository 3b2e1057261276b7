using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

/// <summary>Applies <see cref="StoryAccess"/> to the signed-in person for one story.</summary>
public sealed class StoryAuthorizationHandler(CareStoriesDbContext db)
    : AuthorizationHandler<OperationAuthorizationRequirement, StoryAccessFacts>
{
    // Scoped: one request asks about the same person more than once (read, then change), so ask the database once.
    private StoryViewer? _viewer;

    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, StoryAccessFacts story)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (requirement.Name == nameof(StoryOperations.Read) && StoryAccess.IsReadByEveryone(story.Status))
        {
            // Spares the reader's managed teams, which only stories under review need.
            context.Succeed(requirement);
            return;
        }

        var personId = context.User.PersonId();
        var viewer = _viewer is { } known && known.PersonId == personId
            ? known
            : _viewer = await db.TeamMemberships.ViewerAsync(personId, context.User.IsInRole(Roles.Admin));
        var allowed = requirement.Name switch
        {
            nameof(StoryOperations.Read) => StoryAccess.CanRead(story, viewer),
            nameof(StoryOperations.Change) => StoryAccess.CanChange(story, viewer),
            nameof(StoryOperations.Review) => StoryAccess.CanReview(story, viewer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
