using CareStories.Domain.Thanks;
using CareStories.Web.Pages.Thanks;

namespace CareStories.Web.Pages.Public;

/// <summary>Whether a customer may use a link: unknown (404), closed (410: expired or revoked), or open.</summary>
public enum PublicLinkStatus
{
    Unknown,
    Closed,
    Open,
}

/// <summary>All a customer learns about a link: who it thanks, by display name or team name, and whether it is open.</summary>
public sealed record PublicLink(PublicLinkStatus Status, string ThankedName)
{
    public static readonly PublicLink Unknown = new(PublicLinkStatus.Unknown, "");

    /// <summary>The page title when the link cannot take a message (set by the page: a partial's ViewData is its own copy).</summary>
    public string UnavailableTitle => Status == PublicLinkStatus.Unknown ? "Link not found" : "Link no longer open";

    public static async Task<PublicLink> FindAsync(CareStoriesDbContext db, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > ThankYouLink.TokenMaxLength)
        {
            return Unknown;
        }

        var link = await db.ThankYouLinks.AsNoTracking()
            .Where(l => l.Token == token)
            .Select(l => new
            {
                PersonName = l.Person == null ? null : l.Person.DisplayName,
                TeamName = l.Team == null ? null : l.Team.Name,
                l.ExpiresAt,
                l.RevokedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return Unknown;
        }

        var open = ThankYouLink.StateOf(link.ExpiresAt, link.RevokedAt, now) == LinkState.Open;
        return new PublicLink(open ? PublicLinkStatus.Open : PublicLinkStatus.Closed, ThanksWording.Thanked(link.PersonName, link.TeamName));
    }

    /// <summary>The HTTP status of a page that cannot take thank-yous: 404 for an unknown link, 410 for a closed one.</summary>
    public int RefusalStatusCode => Status == PublicLinkStatus.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
}

public static class CompanyName
{
    public static string From(IConfiguration configuration) =>
        configuration["Company:Name"] is { Length: > 0 } name ? name : "CareStories";
}
