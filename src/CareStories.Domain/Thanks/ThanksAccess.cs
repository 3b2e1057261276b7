namespace CareStories.Domain.Thanks;

/// <summary>
/// Who a link or thank-you is for: a person (with the teams they belong to) or a team (TeamIds is that team).
/// </summary>
public sealed record ThanksTarget(string? PersonId, IReadOnlyCollection<int> TeamIds);

/// <summary>
/// Who may make, see and revoke thank-you links, and who decides on what customers send. A person makes links
/// for themselves; a manager for the people of their teams and for their teams; an Admin for anyone. Deciding is
/// for the managers of the person's teams or of the team (or an Admin), never the person thanked themselves.
/// </summary>
public static class ThanksAccess
{
    public static bool CanMakeLinkFor(ThanksTarget target, StoryViewer viewer) =>
        viewer.IsAdmin || IsThePerson(target, viewer) || Manages(target, viewer);

    /// <summary>Seeing a link (and its QR code) and revoking it: the same people who may make it, and whoever made it.</summary>
    public static bool CanManageLink(ThanksTarget target, string createdById, StoryViewer viewer) =>
        createdById == viewer.PersonId || CanMakeLinkFor(target, viewer);

    public static bool CanDecide(ThanksTarget target, StoryViewer viewer) =>
        (viewer.IsAdmin || Manages(target, viewer)) && !IsThePerson(target, viewer);

    public static bool Manages(ThanksTarget target, StoryViewer viewer) =>
        target.TeamIds.Any(viewer.ManagedTeamIds.Contains);

    private static bool IsThePerson(ThanksTarget target, StoryViewer viewer) =>
        target.PersonId is not null && target.PersonId == viewer.PersonId;
}
