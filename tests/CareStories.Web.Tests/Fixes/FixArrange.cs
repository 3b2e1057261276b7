using CareStories.Domain.Fixes;
using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Fixes;

/// <summary>A team that owns fixes: its manager, a member who can own one, and an outsider with no part in it.</summary>
internal sealed record FixTeam(int Id, TestPerson Manager, TestPerson Member);

internal static class FixArrange
{
    public static async Task<FixTeam> FixTeamAsync(this CareStoriesFactory factory)
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var id = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [member], managers: [manager]);
        return new FixTeam(id, manager, member);
    }

    /// <summary>A fix raised by <paramref name="raiser"/> for the team, moved on by <paramref name="shape"/>; no news from its making is kept.</summary>
    public static async Task<int> FixAsync(
        this CareStoriesFactory factory, FixTeam team, TestPerson raiser, int[]? storyIds = null, Action<Fix, FixTeam>? shape = null, DateTimeOffset? at = null)
    {
        return await factory.WithDbAsync(async db =>
        {
            var fix = Fix.Propose(TestData.Unique("Fix"), "Change the thing that broke.", team.Id, raiser.Id, storyIds ?? [], at ?? factory.Clock.GetUtcNow());
            shape?.Invoke(fix, team);
            db.Fixes.Add(fix);
            await db.SaveChangesAsync();
            db.Notifications.RemoveRange(db.Notifications.Where(n => n.FixId == fix.Id));
            await db.SaveChangesAsync();
            return fix.Id;
        });
    }

    public static void Accept(this Fix fix, FixTeam team, DateTimeOffset at, DateOnly? target = null) =>
        fix.Accept(new FixActor(team.Manager.Id, true), team.Member.Id, target, DateOnly.FromDateTime(at.UtcDateTime), at);

    public static void Finish(this Fix fix, FixTeam team, DateTimeOffset at)
    {
        fix.Accept(team, at);
        fix.MarkDone(new FixActor(team.Member.Id, false), "The thing that broke is fixed for good.", [], at);
    }

    public static Task<List<(string RecipientId, NotificationKind Kind)>> FixNewsAsync(this CareStoriesFactory factory, int fixId) =>
        factory.WithDbAsync(async db => (await db.Notifications.AsNoTracking()
            .Where(n => n.FixId == fixId)
            .Select(n => new { n.RecipientId, n.Kind })
            .ToListAsync()).Select(n => (n.RecipientId, n.Kind)).ToList());

    public static Task<FixStatus> FixStatusAsync(this CareStoriesFactory factory, int fixId) =>
        factory.WithDbAsync(db => db.Fixes.Where(f => f.Id == fixId).Select(f => f.Status).SingleAsync());

    public static string Id(this int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<PublishedStory> StoryWithPreventionAsync(this CareStoriesFactory factory, params TestPerson[] heroes) =>
        factory.PublishedStoryAsync(heroes);
}
