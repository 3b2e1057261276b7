using Microsoft.AspNetCore.Diagnostics;

namespace CareStories.Web.Notifications;

/// <summary>
/// The bell in the header: a link to the notifications with the signed-in person's unread count. It runs on every
/// page, so it asks one question only, answered from the (RecipientId, ReadAt) index.
/// </summary>
public sealed class NotificationBellViewComponent(CareStoriesDbContext db, Freshness.SharedContentStamp stamp) : ViewComponent
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

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Not for visitors; and not on the error page, where the database may be what just failed.
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return Content("");
        }

        var me = UserClaimsPrincipal.PersonId();
        // The feed and story pages read it with the change stamp, in one command (SharedContentStamp).
        var unread = stamp.UnreadOf(me) ?? await UnreadCount(db, me, HttpContext.RequestAborted);
        var isCurrent = HttpContext.Request.Path.StartsWithSegments("/Notifications", StringComparison.OrdinalIgnoreCase);
        return View(new Bell(unread, isCurrent));
    }
}
