using CareStories.Domain.Data;
using CareStories.Domain.Freshness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareStories.Domain.Insights;

/// <summary>
/// The stamp of what Insights counted in months that are over: a <see cref="ChangeStamp"/> row renewed in the same
/// save as any change that can alter a figure of a month already over, so <see cref="KeptMonths"/> can keep those
/// figures until it changes. Nearly everything people do lands in the month under way (an applause, a celebration, a
/// submission, a decision, a thank-you are stamped with the moment they happen) and leaves the stamp alone. What
/// renews it:
/// <list type="bullet">
/// <item>a submission, decision, celebration, applause or thank-you added, removed or moved whose moment is more than
/// <see cref="Settled"/> old (taking back last month's applause; seeding or importing history);</item>
/// <item>a story leaving "published" (withdrawn: its publication, celebrations and applause stop counting in every
/// month), or becoming published with a publication date that is not new, or while it has celebrations or applause
/// older than <see cref="Settled"/> (published, withdrawn and published again: they count again);</item>
/// <item>a story deleted after it was submitted; a person deleted;</item>
/// <item>a story's teams changed after it was created, a team's kind changed, a team deleted, anyone's membership of a
/// team changed (a thank-you to a person counts for the teams they are in now).</item>
/// </list>
/// A published story's people, values and teams cannot change while it is published (only a draft or a story sent
/// back is edited), so a story edited after it was withdrawn is covered by the rules on leaving and re-entering
/// "published". Names, roles, deactivation and memberships of people are not kept: they are read on every page.
/// The row is written by the same upsert in the same transaction as the stories' stamps (<see cref="StoryStamps"/>);
/// a row not there yet reads as 0.
/// </summary>
public static class InsightsHistory
{
    /// <summary>The stamp's row among the <see cref="ChangeStamp"/>s (1 is the shared content, 2 the other content).</summary>
    public const int StampId = 3;

    /// <summary>
    /// How old a moment must be before a change to something at that moment renews the stamp. Half of
    /// <see cref="KeptMonths.After"/>: a month is kept only once it has been over for that long, so a row saved a few
    /// minutes after the moment it records (a slow request) can never land in a kept month unannounced.
    /// </summary>
    public static readonly TimeSpan Settled = TimeSpan.FromMinutes(5);

    private static readonly Func<CareStoriesDbContext, CancellationToken, Task<long>> Read = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, CancellationToken cancellationToken) =>
            db.ChangeStamps.Where(s => s.Id == StampId).Select(s => s.Value).FirstOrDefault());

    /// <summary>The stamp as the database holds it now (0 before its first renewal).</summary>
    public static Task<long> CurrentAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Read(db, cancellationToken);
    }

    /// <summary>Whether this save changes a figure of a month that is over; call it before the save.</summary>
    public static async Task<bool> ChangedAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (changed, recognisedBefore) = Judge(db);
        return changed || (recognisedBefore is not null && await recognisedBefore.AnyAsync(cancellationToken));
    }

    /// <summary>The same, for the synchronous save (tools, seeding).</summary>
    public static bool Changed(CareStoriesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (changed, recognisedBefore) = Judge(db);
        return changed || (recognisedBefore is not null && recognisedBefore.Any());
    }

    /// <summary>
    /// Whether the save's tracked changes change a month that is over, and if that depends on the database: the query
    /// of the celebrations and applause older than <see cref="Settled"/> on the stories this save publishes again.
    /// </summary>
    private static (bool Changed, IQueryable<int>? RecognisedBefore) Judge(CareStoriesDbContext db)
    {
        var settled = SettledBefore(db);
        var republished = new List<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (Judge(entry, settled))
            {
                case Verdict.Changed:
                    return (true, null);
                case Verdict.IfRecognisedBefore:
                    republished.Add((int)entry.Property(nameof(Story.Id)).CurrentValue!);
                    break;
            }
        }

        return republished.Count == 0
            ? (false, null)
            : (false, db.Celebrations.Where(c => republished.Contains(c.StoryId) && c.At < settled).Select(c => c.StoryId)
                .Concat(db.Applause.Where(a => republished.Contains(a.StoryId) && a.At < settled).Select(a => a.StoryId)));
    }

    /// <summary>
    /// "Now" less <see cref="Settled"/>, by the app's clock (the <see cref="TimeProvider"/> the app registered; the
    /// machine's where the context was made without the app, as tools make it).
    /// </summary>
    private static DateTimeOffset SettledBefore(CareStoriesDbContext db)
    {
        var app = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var clock = app?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return clock.GetUtcNow() - Settled;
    }

    private enum Verdict
    {
        Unchanged,
        Changed,
        IfRecognisedBefore,
    }

    private static Verdict Judge(EntityEntry entry, DateTimeOffset settled)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached)
        {
            return Verdict.Unchanged;
        }

        return entry.Entity switch
        {
            StoryStatusChange => Moment(entry, nameof(StoryStatusChange.At), settled, nameof(StoryStatusChange.StoryId)),
            Celebration => Moment(entry, nameof(Celebration.At), settled, nameof(Celebration.StoryId), nameof(Celebration.BadgeId), nameof(Celebration.CelebratorId)),
            Applause => Moment(entry, nameof(Applause.At), settled, nameof(Applause.StoryId)),
            Thanks.CustomerThanks => Moment(
                entry, nameof(Thanks.CustomerThanks.ReceivedAt), settled, nameof(Thanks.CustomerThanks.TeamId), nameof(Thanks.CustomerThanks.PersonId)),
            Story => StoryVerdict(entry, settled),
            StoryTeam => entry.State == EntityState.Added && StoryIsNew(entry) ? Verdict.Unchanged : Verdict.Changed,
            Team => entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && entry.Property(nameof(Team.Kind)).IsModified)
                ? Verdict.Changed
                : Verdict.Unchanged,
            TeamMembership => Verdict.Changed,
            Person => entry.State == EntityState.Deleted ? Verdict.Changed : Verdict.Unchanged,
            _ => Verdict.Unchanged,
        };
    }

    /// <summary>
    /// A counted row: added or removed, it changes a month that is over when its moment is settled; changed, when
    /// its moment or one of the columns that place it (<paramref name="placing"/>) changed and either moment is.
    /// </summary>
    private static Verdict Moment(EntityEntry entry, string at, DateTimeOffset settled, params string[] placing)
    {
        var moment = entry.Property(at);
        var old = (moment.CurrentValue is DateTimeOffset current && current < settled)
            || (entry.State != EntityState.Added && moment.OriginalValue is DateTimeOffset original && original < settled);
        if (!old)
        {
            return Verdict.Unchanged;
        }

        return entry.State != EntityState.Modified || moment.IsModified || placing.Any(p => entry.Property(p).IsModified)
            ? Verdict.Changed
            : Verdict.Unchanged;
    }

    private static Verdict StoryVerdict(EntityEntry entry, DateTimeOffset settled)
    {
        var status = entry.Property(nameof(Story.Status));
        var publishedAt = entry.Property(nameof(Story.PublishedAt));
        switch (entry.State)
        {
            case EntityState.Added:
                // Seeding or importing history: a story made already published, with its date.
                return (StoryStatus)status.CurrentValue! == StoryStatus.Published && publishedAt.CurrentValue is DateTimeOffset at && at < settled
                    ? Verdict.Changed
                    : Verdict.Unchanged;
            case EntityState.Deleted:
                return entry.Property(nameof(Story.SubmittedAt)).OriginalValue is null ? Verdict.Unchanged : Verdict.Changed;
        }

        if (!status.IsModified && !publishedAt.IsModified)
        {
            return Verdict.Unchanged;
        }

        var was = (StoryStatus)status.OriginalValue!;
        var now = (StoryStatus)status.CurrentValue!;
        if (was == StoryStatus.Published)
        {
            return Verdict.Changed;
        }

        if (now != StoryStatus.Published)
        {
            return Verdict.Unchanged;
        }

        return publishedAt.CurrentValue is DateTimeOffset published && published < settled ? Verdict.Changed : Verdict.IfRecognisedBefore;
    }

    /// <summary>Whether the link's story is being added in the same save (a new story's teams).</summary>
    private static bool StoryIsNew(EntityEntry entry)
    {
        var story = entry.References.FirstOrDefault(r => r.Metadata.TargetEntityType.ClrType == typeof(Story))?.TargetEntry;
        if (story is not null)
        {
            return story.State == EntityState.Added;
        }

        var key = entry.Property(nameof(StoryTeam.StoryId));
        return key.IsTemporary;
    }
}
