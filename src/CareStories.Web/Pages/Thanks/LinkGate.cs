using CareStories.Domain.Thanks;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Thanks;

/// <summary>What the link pages show about one link, and what decides who may manage it.</summary>
public sealed record LinkFacts(
    int Id,
    string Token,
    string? PersonId,
    string? PersonName,
    int? TeamId,
    string? TeamName,
    string? Label,
    string CreatedById,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Who the link thanks, as a customer reads it: "Jamie Rivera" or "the Front Desk team".</summary>
    public string ThankedName => ThanksWording.Thanked(PersonName, TeamName);

    public LinkState StateAt(DateTimeOffset now) => ThankYouLink.StateOf(ExpiresAt, RevokedAt, now);
}

/// <summary>Plain words about links shared by the link pages and the public form.</summary>
public static class ThanksWording
{
    public static string Thanked(string? personName, string? teamName) =>
        personName ?? $"the {teamName} team";

}

/// <summary>
/// The per-record check every link page runs: an unknown link answers 404, one the person may not manage 403
/// (<see cref="ThanksOperations.ManageLink"/>, through the authorization service).
/// </summary>
public sealed class LinkGate(CareStoriesDbContext db, IAuthorizationService authorization, ThanksAuthorizationHandler thanks)
{
    public async Task<(IActionResult? Denied, LinkFacts? Link)> CheckAsync(PageModel page, int linkId, CancellationToken cancellationToken = default)
    {
        var link = await db.ThankYouLinks.AsNoTracking()
            .Where(l => l.Id == linkId)
            .Select(l => new LinkFacts(
                l.Id,
                l.Token,
                l.PersonId,
                l.Person == null ? null : l.Person.DisplayName,
                l.TeamId,
                l.Team == null ? null : l.Team.Name,
                l.Label,
                l.CreatedById,
                l.CreatedAt,
                l.ExpiresAt,
                l.RevokedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return (page.NotFound(), null);
        }

        return (await authorization.AuthorizeAsync(page.User, link, ThanksOperations.ManageLink)).Succeeded
            ? (null, link)
            : (page.StatusCode(StatusCodes.Status403Forbidden), link);
    }

    public Task<StoryViewer> ViewerAsync(PageModel page, CancellationToken cancellationToken = default) =>
        db.TeamMemberships.ViewerAsync(page.User.PersonId(), page.User.IsInRole(Roles.Admin), cancellationToken);

    /// <summary>A person with the teams they belong to, or a team on its own.</summary>
    public Task<ThanksTarget> TargetAsync(string? personId, int? teamId, CancellationToken cancellationToken = default) =>
        thanks.TargetAsync(personId, teamId, cancellationToken);
}

public static class ThanksUrls
{
    /// <summary>The full public address customers open (and the QR code holds): short, with only the token in it.</summary>
    public static string PublicLink(this IUrlHelper url, string token) =>
        url.PageLink("/Public/Thank", values: new { token }) ?? "";
}
