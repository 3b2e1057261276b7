using CareStories.Domain.Notifications;

namespace CareStories.Web.Notifications;

/// <summary>Where a notification takes its reader.</summary>
public static class NotificationLinks
{
    /// <summary>
    /// A reviewer is told about a story waiting for them, so they land on its review; a manager told about a
    /// customer's thank-you lands on the thank-you queue; everyone else on the story.
    /// </summary>
    public static string Target(NotificationKind kind, int? storyId, int? fixId = null) => kind switch
    {
        // News about a fix takes its reader to the fix (a manager told of a proposal lands where they decide it).
        _ when fixId is not null => $"/Fixes/{fixId}",
        NotificationKind.ThanksWaiting => "/Review/Thanks",
        NotificationKind.NotRecognisedNudge => "/Insights#not-recognised",
        NotificationKind.StoryWaitingForReview when storyId is not null => $"/Review/Story/{storyId}",
        _ when storyId is not null => $"/Stories/{storyId}",
        _ => "/Notifications",
    };
}
