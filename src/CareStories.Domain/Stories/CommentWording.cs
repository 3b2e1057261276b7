namespace CareStories.Domain.Stories;

/// <summary>What people are told about a hidden comment, in one place: the story page, the pages and the entity.</summary>
public static class CommentWording
{
    /// <summary>What everyone but Admins sees where a hidden comment was.</summary>
    public const string HiddenNotice = "Hidden by an admin.";

    /// <summary>Why its writer can no longer edit or delete a hidden comment.</summary>
    public const string HiddenStaysOnRecord = "An admin hid this comment, so it stays on record and can no longer be edited or deleted.";
}
