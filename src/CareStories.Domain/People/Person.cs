using Microsoft.AspNetCore.Identity;

namespace CareStories.Domain.People;

/// <summary>A person who signs in: the Identity account and the profile colleagues see.</summary>
public sealed class Person : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int JobTitleMaxLength = 100;

    private readonly List<TeamMembership> _memberships = [];

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
