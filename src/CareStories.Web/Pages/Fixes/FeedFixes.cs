using CareStories.Domain.Fixes;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// Done fixes on the recognition feed, merged by time among the stories. The feed pages stories by key; each page
/// covers a window of time, from the last story it shows (inclusive) up to where the newer page stopped (exclusive;
/// open-ended on the first page, and down to the beginning on the last). A done fix shows on the one page whose
/// window holds its done time, so paging neither repeats nor skips one, and the story paging is untouched.
/// The feed's filters apply as far as they mean something for a fix: team, kind of team, badge, period. A value
/// filter shows no fixes (fixes carry no values).
/// </summary>
public static class FeedFixes
{
    /// <summary>At most this many fixes in one page's window; past it the "all done fixes" link reads the rest.</summary>
    public const int MostPerPage = 20;

    public static async Task<IReadOnlyList<FixCard>> InWindowAsync(
        CareStoriesDbContext db, FeedFilter filter, DateTimeOffset? newerThanOrEqual, DateTimeOffset? olderThan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.ValueId is not null)
        {
            return [];
        }

        // The (Status, DoneAt, Id) index reads the window.
        var done = db.Fixes.AsNoTracking().Where(f => f.Status == FixStatus.Done && f.DoneAt != null);
        if (newerThanOrEqual is { } bottom)
        {
            done = done.Where(f => f.DoneAt >= bottom);
        }

        if (olderThan is { } top)
        {
            done = done.Where(f => f.DoneAt < top);
        }

        if (filter.TeamId is { } teamId)
        {
            done = done.Where(f => f.TeamId == teamId);
        }

        if (filter.TeamKind is { } kind)
        {
            done = done.Where(f => f.Team.Kind == kind);
        }

        if (filter.BadgeId is { } badgeId)
        {
            done = done.Where(f => db.FixCelebrations.Any(c => c.FixId == f.Id && c.BadgeId == badgeId));
        }

        if (filter.Period is { } period)
        {
            var since = period.Since(now);
            done = done.Where(f => f.DoneAt >= since);
        }

        var ids = await done.OrderByDescending(f => f.DoneAt).ThenByDescending(f => f.Id).Select(f => f.Id).Take(MostPerPage).ToListAsync(cancellationToken);
        return await FixCard.ReadAsync(db, ids, cancellationToken);
    }

    /// <summary>The fixes done after this story was published and not yet shown: they go just before its card.</summary>
    public static IEnumerable<FixCard> Before(IReadOnlyList<FixCard> fixes, DateTimeOffset storyPublishedAt, ISet<int> shown)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(shown);
        foreach (var fix in fixes.Where(f => f.DoneAt > storyPublishedAt && !shown.Contains(f.Id)))
        {
            shown.Add(fix.Id);
            yield return fix;
        }
    }
}
