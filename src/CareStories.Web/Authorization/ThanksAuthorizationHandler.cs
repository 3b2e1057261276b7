using CareStories.Domain.Thanks;
using CareStories.Web.Pages.Thanks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

/// <summary>What someone wants to do about thank-yous; checked by <see cref="ThanksAuthorizationHandler"/>.</summary>
public static class ThanksOperations
{
    /// <summary>Make a thank-you link for a person or team (<see cref="ThanksAccess.CanMakeLinkFor"/>).</summary>
    public static readonly OperationAuthorizationRequirement MakeLink = new() { Name = nameof(MakeLink) };

    /// <summary>See a link, its QR code and poster, or revoke it (<see cref="ThanksAccess.CanManageLink"/>).</summary>
    public static readonly OperationAuthorizationRequirement ManageLink = new() { Name = nameof(ManageLink) };

    /// <summary>Approve or discard what a customer sent (<see cref="ThanksAccess.CanDecide"/>).</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };
}

/// <summary>Applies <see cref="ThanksAccess"/> to the signed-in person, for a link or for whom a thank-you is for.</summary>
public sealed class ThanksAuthorizationHandler(CareStoriesDbContext db) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = (requirement.Name, context.Resource) switch
            {
                (nameof(ThanksOperations.MakeLink), ThanksTarget target) => ThanksAccess.CanMakeLinkFor(target, await ViewerAsync(context)),
                (nameof(ThanksOperations.Decide), ThanksTarget target) => ThanksAccess.CanDecide(target, await ViewerAsync(context)),
                (nameof(ThanksOperations.ManageLink), LinkFacts link) =>
                    ThanksAccess.CanManageLink(await TargetAsync(link.PersonId, link.TeamId), link.CreatedById, await ViewerAsync(context)),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private Task<StoryViewer> ViewerAsync(AuthorizationHandlerContext context) =>
        db.TeamMemberships.ViewerAsync(context.User.PersonId(), context.User.IsInRole(Roles.Admin));

    /// <summary>A person with the teams they belong to, or a team on its own.</summary>
    public async Task<ThanksTarget> TargetAsync(string? personId, int? teamId, CancellationToken cancellationToken = default)
    {
        if (personId is null)
        {
            return new ThanksTarget(null, teamId is { } id ? [id] : []);
        }

        var teams = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .Select(m => m.TeamId)
            .ToListAsync(cancellationToken);
        return new ThanksTarget(personId, teams);
    }
}
