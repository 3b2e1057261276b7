namespace CareStories.Domain.Stories;

/// <summary>
/// The record that an Admin took a photo off a story: who, when and why. What the photo showed (its key, its
/// description) is deliberately not kept.
/// </summary>
public sealed class PhotoTakedown
{
    public const int ReasonMaxLength = 500;

    private PhotoTakedown()
    {
    }

    internal PhotoTakedown(string adminId, string reason, DateTimeOffset at)
    {
        AdminId = adminId;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    public string AdminId { get; private set; } = "";

    public Person Admin { get; private set; } = null!;

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
