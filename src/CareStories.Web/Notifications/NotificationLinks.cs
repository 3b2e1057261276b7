using CareStories.Domain.Notifications;

namespace CareStories.Web.Notifications;

/// <summary>Where a notification takes its reader.</summary>
public static class NotificationLinks
{
    /// <summary>A reviewer is told about a story waiting for them, so they land on its review; everyone else on the story.</summary>
    public static string Target(NotificationKind kind, int storyId) =>
        kind == NotificationKind.StoryWaitingForReview
            ? $"/Review/Story/{storyId}"
            : $"/Stories/{storyId}";
}
