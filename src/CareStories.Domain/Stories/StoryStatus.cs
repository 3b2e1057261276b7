namespace CareStories.Domain.Stories;

public enum StoryStatus
{
    Draft = 0,
    Submitted = 1,
    ChangesRequested = 2,
    Published = 3,
    Withdrawn = 4,
}

public static class StoryStatusText
{
    /// <summary>
    /// The one rule for when a story's words, people, quotes and photos may change: while it is a draft or has been
    /// sent back. The entity, the pages and the gate all ask this.
    /// </summary>
    public static bool IsEditable(this StoryStatus status) => status is StoryStatus.Draft or StoryStatus.ChangesRequested;

    /// <summary>The author may take back a story that is shared in any way.</summary>
    public static bool CanBeWithdrawn(this StoryStatus status) =>
        status is StoryStatus.Submitted or StoryStatus.ChangesRequested or StoryStatus.Published;

    /// <summary>The words a person sees for a status; never the enum name.</summary>
    public static string Label(this StoryStatus status) => status switch
    {
        StoryStatus.Draft => "Draft",
        StoryStatus.Submitted => "Waiting for review",
        StoryStatus.ChangesRequested => "Sent back",
        StoryStatus.Published => "Published",
        StoryStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>A short word for styling the status badge (CSS class suffix).</summary>
    public static string Tone(this StoryStatus status) => status switch
    {
        StoryStatus.Draft => "draft",
        StoryStatus.Submitted => "waiting",
        StoryStatus.ChangesRequested => "sent-back",
        StoryStatus.Published => "published",
        StoryStatus.Withdrawn => "withdrawn",
        _ => "draft",
    };
}
