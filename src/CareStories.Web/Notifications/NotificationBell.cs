using Microsoft.AspNetCore.Diagnostics;

namespace CareStories.Web.Notifications;

/// <summary>
/// The bell in the header: a link to the notifications with the signed-in person's unread count. It runs on every
/// page, so it asks one question only, answered from the (RecipientId, ReadAt) index, and the layout draws it itself
/// rather than as a view component (whose lookup, activation and own view every page paid for).
/// </summary>
public sealed class NotificationBell(CareStoriesDbContext db, Freshness.SharedContentStamp stamp)
{
    /// <summary>Past this, the badge says "99+"; the screen-reader text still gives the real number.</summary>
    public const int MostShown = 99;

    // Every page asks it, so it is compiled once rather than translated and looked up per request.
    private static readonly Func<CareStoriesDbContext, string, CancellationToken, Task<int>> UnreadCount = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, string me, CancellationToken cancellationToken) => db.Notifications.Count(n => n.RecipientId == me && n.ReadAt == null));

    public sealed record Bell(int Unread, bool IsCurrent)
    {
        public string BadgeText => Unread > MostShown ? $"{MostShown}+" : Unread.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string UnreadText => Unread == 1 ? "1 unread notification" : $"{Unread:N0} unread notifications";
    }

    /// <summary>The bell for this request's person, or null where there is none to show.</summary>
    public async Task<Bell?> ReadAsync(HttpContext context)
    {
        // Not for visitors; and not on the error page, where the database may be what just failed.
        if (context.User.Identity?.IsAuthenticated != true || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return null;
        }

        var me = context.User.PersonId();
        // The feed and story pages read it with the change stamp, in one command (SharedContentStamp).
        var unread = stamp.UnreadOf(me) ?? await UnreadCount(db, me, context.RequestAborted);
        var isCurrent = context.Request.Path.StartsWithSegments("/Notifications", StringComparison.OrdinalIgnoreCase);
        return new Bell(unread, isCurrent);
    }
}
