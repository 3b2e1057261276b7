namespace CareStories.Domain.People;

/// <summary>
/// The record that an Admin took a person's profile photo down: who, when and why. The photo itself is not kept,
/// as with a story photo's takedown.
/// </summary>
public sealed class ProfilePhotoTakedown
{
    public const int ReasonMaxLength = 500;

    private ProfilePhotoTakedown()
    {
    }

    internal ProfilePhotoTakedown(string adminId, string reason, DateTimeOffset at)
    {
        AdminId = adminId;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public string PersonId { get; private set; } = "";

    public Person Person { get; private set; } = null!;

    public string AdminId { get; private set; } = "";

    public Person Admin { get; private set; } = null!;

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
