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

    public void Rename(string displayName, string? jobTitle)
    {
        var errors = new List<DomainError>();
        var name = (displayName ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(DisplayName), "Enter a name: the one colleagues will see on stories and celebrations."));
        }
        else if (name.Length > DisplayNameMaxLength)
        {
            errors.Add(new(nameof(DisplayName), $"Keep the name to {DisplayNameMaxLength:N0} characters or fewer."));
        }

        var title = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
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
