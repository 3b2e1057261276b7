namespace CareStories.Domain.Fixes;

/// <summary>Where a fix stands: proposed, then accepted by the owning team's managers, worked on, done; or declined.</summary>
public enum FixStatus
{
    Proposed = 0,
    Accepted = 1,
    InProgress = 2,
    Done = 3,
    Declined = 4,
}

public static class FixStatusText
{
    public static string Label(this FixStatus status) => status switch
    {
        FixStatus.Proposed => "Proposed",
        FixStatus.Accepted => "Accepted",
        FixStatus.InProgress => "In progress",
        FixStatus.Done => "Done",
        FixStatus.Declined => "Declined",
        _ => "Proposed",
    };

    /// <summary>The CSS tone of its status pill, shared with the story statuses' palette.</summary>
    public static string Tone(this FixStatus status) => status switch
    {
        FixStatus.Proposed => "waiting",
        FixStatus.Accepted => "draft",
        FixStatus.InProgress => "in-progress",
        FixStatus.Done => "published",
        FixStatus.Declined => "withdrawn",
        _ => "draft",
    };

    /// <summary>Still to be decided or worked on: what a team's list of open fixes shows, and what can be overdue.</summary>
    public static bool IsOpen(this FixStatus status) => status is FixStatus.Proposed or FixStatus.Accepted or FixStatus.InProgress;

    /// <summary>The statuses <see cref="IsOpen"/> names, for queries.</summary>
    public static readonly IReadOnlyList<FixStatus> Open = [FixStatus.Proposed, FixStatus.Accepted, FixStatus.InProgress];
}
