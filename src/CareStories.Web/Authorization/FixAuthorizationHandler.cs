using CareStories.Domain.Fixes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

/// <summary>What someone wants to do with one fix; checked by <see cref="FixAuthorizationHandler"/>.</summary>
public static class FixOperations
{
    /// <summary>Read it: everyone signed in.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Accept (naming an owner) or decline: the owning team's managers.</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };

    /// <summary>Start it or mark it done: its owner or the owning team's managers.</summary>
    public static readonly OperationAuthorizationRequirement Move = new() { Name = nameof(Move) };
}

/// <summary>Applies <see cref="FixAccess"/> to the signed-in person for one fix.</summary>
public sealed class FixAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, FixFacts>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, FixFacts fix)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var me = context.User.PersonId();
        var allowed = requirement.Name switch
        {
            nameof(FixOperations.Read) => true,
            nameof(FixOperations.Decide) => FixAccess.CanDecide(fix, me),
            nameof(FixOperations.Move) => FixAccess.CanMove(fix, me),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
