using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Data;

/// <summary>
/// Keeps <see cref="StoryTeam.Kind"/>, a copy of the team's kind on each story-team link, equal to the team's: a save
/// that adds links gives each its team's kind, and a save that changes a team's kind rewrites that team's links in
/// the same transaction. <see cref="Fill"/> sets every link from its team in one provider-neutral statement (the
/// migration that added the column, and the benchmark's fast fill, which writes rows without a save).
/// </summary>
internal static class StoryTeamKinds
{
    public const string Fill = """
        UPDATE "StoryTeam" SET "Kind" = (SELECT t."Kind" FROM "Teams" AS t WHERE t."Id" = "StoryTeam"."TeamId");
        """;

    /// <summary>The teams whose kind this save changes, with their new kind.</summary>
    public static List<(int TeamId, TeamKind Kind)> Edited(DbContext db) =>
        db.ChangeTracker.Entries<Team>()
            .Where(e => e.State == EntityState.Modified && e.Property(t => t.Kind).IsModified
                && !Equals(e.Property(t => t.Kind).OriginalValue, e.Property(t => t.Kind).CurrentValue))
            .Select(e => (e.Entity.Id, e.Entity.Kind))
            .ToList();

    public static async Task SetAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var (added, kinds, missing) = Pending(db);
        if (missing.Count > 0)
        {
            Remember(kinds, await KindsOf(db, missing).ToListAsync(cancellationToken));
        }

        Set(added, kinds);
    }

    public static void SetAdded(DbContext db)
    {
        var (added, kinds, missing) = Pending(db);
        if (missing.Count > 0)
        {
            Remember(kinds, KindsOf(db, missing).ToList());
        }

        Set(added, kinds);
    }

    /// <summary>Rewrites the links of the teams whose kind the save changed; run inside the save's transaction.</summary>
    public static async Task FollowAsync(DbContext db, List<(int TeamId, TeamKind Kind)> edited, CancellationToken cancellationToken)
    {
        foreach (var (teamId, kind) in edited)
        {
            await db.Set<StoryTeam>().Where(l => l.TeamId == teamId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Kind, kind), cancellationToken);
        }
    }

    public static void Follow(DbContext db, List<(int TeamId, TeamKind Kind)> edited)
    {
        foreach (var (teamId, kind) in edited)
        {
            db.Set<StoryTeam>().Where(l => l.TeamId == teamId).ExecuteUpdate(s => s.SetProperty(l => l.Kind, kind));
        }
    }

    /// <summary>The links this save adds, the kinds of the teams the context tracks, and the teams to read.</summary>
    private static (List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<StoryTeam>> Added, Dictionary<int, TeamKind> Kinds, List<int> Missing) Pending(DbContext db)
    {
        var added = Added(db);
        if (added.Count == 0)
        {
            return (added, [], []);
        }

        var kinds = Tracked(db);
        var missing = added.Select(l => l.Entity.TeamId).Where(id => !kinds.ContainsKey(id)).Distinct().ToList();
        return (added, kinds, missing);
    }

    private static IQueryable<KeyValuePair<int, TeamKind>> KindsOf(DbContext db, List<int> teamIds) =>
        db.Set<Team>().AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => new KeyValuePair<int, TeamKind>(t.Id, t.Kind));

    private static void Remember(Dictionary<int, TeamKind> kinds, List<KeyValuePair<int, TeamKind>> teams)
    {
        foreach (var (id, kind) in teams)
        {
            kinds[id] = kind;
        }
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<StoryTeam>> Added(DbContext db) =>
        db.ChangeTracker.Entries<StoryTeam>().Where(e => e.State == EntityState.Added).ToList();

    /// <summary>The kinds of the teams this context tracks (a team added in this save by its temporary key, which its links carry).</summary>
    private static Dictionary<int, TeamKind> Tracked(DbContext db) =>
        db.ChangeTracker.Entries<Team>()
            .Where(e => e.State is not (EntityState.Deleted or EntityState.Detached))
            .ToDictionary(e => e.Entity.Id, e => e.Entity.Kind);

    private static void Set(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<StoryTeam>> added, Dictionary<int, TeamKind> kinds)
    {
        foreach (var link in added)
        {
            if (kinds.TryGetValue(link.Entity.TeamId, out var kind))
            {
                link.Property(l => l.Kind).CurrentValue = kind;
            }
        }
    }
}
