using System.Text;
using CareStories.Domain.Notifications;

namespace CareStories.Domain.Delivery;

/// <summary>How a person hears of one kind of notification beyond the bell.</summary>
public enum DeliveryChoice
{
    /// <summary>The bell only. A kind nobody chose anything for is delivered this way (no row is stored).</summary>
    InAppOnly = 0,
    EmailAtOnce = 1,
    WeeklyDigest = 2,
}

/// <summary>The words for kinds and choices, kept in one place so a new notification kind needs one line here.</summary>
public static class DeliveryText
{
    public const DeliveryChoice DefaultChoice = DeliveryChoice.InAppOnly;

    public static string Label(this DeliveryChoice choice) => choice switch
    {
        DeliveryChoice.InAppOnly => "In the app only",
        DeliveryChoice.EmailAtOnce => "Email at once",
        DeliveryChoice.WeeklyDigest => "Weekly digest",
        _ => "In the app only",
    };

    /// <summary>What a kind of notification is, as a person would name it on the settings page and in a digest.</summary>
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.StoryPublished => "Your story is published",
        NotificationKind.StorySentBack => "Your story is sent back with a comment",
        NotificationKind.StoryCelebrated => "Your story is celebrated",
        NotificationKind.StoryCommented => "Someone comments on your story",
        NotificationKind.StoryWaitingForReview => "A story waits for your review",
        NotificationKind.ThanksWaiting => "A customer's thank-you waits for your approval",
        NotificationKind.ThanksApproved => "A customer's thank-you for you is approved",
        NotificationKind.StoryFeatured => "Your story is featured",
        NotificationKind.RuleDecided => "A leader decides on a rule your story bent",
        NotificationKind.FixProposed => "A fix is proposed for a team you manage",
        NotificationKind.FixAccepted => "A fix you raised is accepted",
        NotificationKind.FixDeclined => "A fix you raised is declined",
        NotificationKind.FixAssigned => "You are made the owner of a fix",
        NotificationKind.FixDone => "A fix your story asked for is done",
        NotificationKind.FixCelebrated => "A fix you worked on is celebrated",
        // Kinds added later read as words until they get a line above ("StoryRuleDecided" → "Story rule decided").
        _ => Words(kind.ToString()),
    };

    /// <summary>Every kind a person can choose for, in the enum's order, whoever adds one.</summary>
    public static IReadOnlyList<NotificationKind> Kinds { get; } = Enum.GetValues<NotificationKind>();

    private static string Words(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
