using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;

namespace CareStories.Web.Tests.Thanks;

/// <summary>A made link: its id for the link pages, its token for the public form.</summary>
public sealed record MadeLink(int Id, string Token);

/// <summary>Links and thank-yous for the thank-you link tests, made through the domain's own methods.</summary>
internal static class LinksTestData
{
    public static async Task<MadeLink> LinkAsync(
        this CareStoriesFactory factory,
        TestPerson createdBy,
        string? personId = null,
        int? teamId = null,
        bool expired = false,
        bool revoked = false)
    {
        var now = factory.Clock.GetUtcNow();
        var at = expired ? now.AddDays(-40) : now;
        var expiresAt = expired ? now.AddDays(-10) : now.AddDays(90);
        var link = teamId is { } team
            ? ThankYouLink.ForTeam(team, createdBy.Id, "Made by a test", expiresAt, at)
            : ThankYouLink.ForPerson(personId ?? createdBy.Id, createdBy.Id, "Made by a test", expiresAt, at);
        if (revoked)
        {
            link.Revoke(createdBy.Id, now);
        }

        await factory.WithDbAsync(async db =>
        {
            db.ThankYouLinks.Add(link);
            await db.SaveChangesAsync();
        });
        return new MadeLink(link.Id, link.Token);
    }

    public static Task<ThankYouLink?> FindLinkAsync(this CareStoriesFactory factory, int id) =>
        factory.WithDbAsync(db => db.ThankYouLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id));

    public static Task<List<ThankYouLink>> LinksForAsync(this CareStoriesFactory factory, string? personId, int? teamId = null) =>
        factory.WithDbAsync(db => db.ThankYouLinks.AsNoTracking()
            .Where(l => (personId != null && l.PersonId == personId) || (teamId != null && l.TeamId == teamId))
            .ToListAsync());

    public static Task<List<CustomerThanks>> ThanksThroughAsync(this CareStoriesFactory factory, MadeLink link) =>
        factory.WithDbAsync(db => db.CustomerThanks.AsNoTracking().Where(t => t.LinkId == link.Id).ToListAsync());

    public static Task<List<string>> ThanksWaitingRecipientsAsync(this CareStoriesFactory factory, IEnumerable<string> among)
    {
        var ids = among.ToList();
        return factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.ThanksWaiting && ids.Contains(n.RecipientId))
            .Select(n => n.RecipientId)
            .ToListAsync());
    }
}
