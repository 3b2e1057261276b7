using Microsoft.AspNetCore.Identity;

namespace CareStories.Domain.People;

/// <summary>A person who signs in: the Identity account and the profile colleagues see.</summary>
public sealed class Person : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int JobTitleMaxLength = 100;
    public const int PhotoKeyMaxLength = 32;

    private readonly List<TeamMembership> _memberships = [];
    private readonly List<ProfilePhotoTakedown> _photoTakedowns = [];

    // For EF Core and Identity's user manager.
    public Person()
    {
    }

    public Person(string email, string displayName, string? jobTitle, DateTimeOffset at)
    {
        UserName = email;
        Email = email;
        CreatedAt = at;
        Rename(displayName, jobTitle);
    }

    public string DisplayName { get; private set; } = "";

    public string? JobTitle { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<TeamMembership> Memberships => _memberships;

    /// <summary>The stored key of the person's profile photo (its files are in the photo store), or null.</summary>
    public string? PhotoKey { get; private set; }

    /// <summary>Admins' removals of this person's profile photo; only the one just made is ever loaded.</summary>
    public IReadOnlyCollection<ProfilePhotoTakedown> PhotoTakedowns => _photoTakedowns;

    /// <summary>When an administrator let this person go; their stories and recognition stay as they were.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public string? DeactivatedById { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>Stops the person signing in and takes them out of pickers and review routing.</summary>
    public void Deactivate(string adminId, DateTimeOffset at)
    {
        if (adminId == Id)
        {
            // Otherwise the last administrator could lock everyone out of the app by mistake.
            throw new DomainException("You cannot deactivate yourself. Another administrator can do it if you are leaving.");
        }

        if (DeactivatedAt is not null)
        {
            throw new DomainException($"{DisplayName} is already deactivated.");
        }

        DeactivatedAt = at;
        DeactivatedById = adminId;
    }

    public void Reactivate()
    {
        if (DeactivatedAt is null)
        {
            throw new DomainException($"{DisplayName} is already active.");
        }

        DeactivatedAt = null;
        DeactivatedById = null;
    }

    /// <summary>Puts a new profile photo in place; returns the key of the one it replaces, whose files are to go.</summary>
    public string? ReplacePhoto(string photoKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(photoKey);
        var previous = PhotoKey;
        PhotoKey = photoKey;
        return previous;
    }

    /// <summary>The person takes their own photo down; returns its key, whose files are to go.</summary>
    public string RemovePhoto() =>
        TakePhotoKey() ?? throw new DomainException("You have no profile photo to remove.");

    /// <summary>
    /// An Admin takes the photo down (moderation) with a reason kept on record; returns its key, whose files are to go.
    /// </summary>
    public string TakeDownPhoto(string adminId, string? reason, DateTimeOffset at)
    {
        var why = Stories.TextRules.Normalize(reason);
        if (why.Length == 0)
        {
            throw new DomainException("Say why the photo is being removed; the reason is kept on record.", "Reason");
        }

        if (why.Length > ProfilePhotoTakedown.ReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {ProfilePhotoTakedown.ReasonMaxLength:N0} characters or fewer.", "Reason");
        }

        var key = TakePhotoKey() ?? throw new DomainException($"{DisplayName} has no profile photo now: someone may have removed it already.");
        _photoTakedowns.Add(new ProfilePhotoTakedown(adminId, why, at));
        return key;
    }

    private string? TakePhotoKey()
    {
        var key = PhotoKey;
        PhotoKey = null;
        return key;
    }

    public void Rename(string displayName, string? jobTitle)
    {
        var errors = new List<DomainError>();
        var name = Stories.TextRules.SingleLine(displayName);
        if (name.Length == 0)
        {
            errors.Add(new(nameof(DisplayName), "Enter a name: the one colleagues will see on stories and celebrations."));
        }
        else if (name.Length > DisplayNameMaxLength)
        {
            errors.Add(new(nameof(DisplayName), $"Keep the name to {DisplayNameMaxLength:N0} characters or fewer."));
        }

        var title = Stories.TextRules.SingleLine(jobTitle) is { Length: > 0 } typed ? typed : null;
        if (title is { Length: > JobTitleMaxLength })
        {
            errors.Add(new(nameof(JobTitle), $"Keep the job title to {JobTitleMaxLength:N0} characters or fewer."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        DisplayName = name;
        JobTitle = title;
    }
}
