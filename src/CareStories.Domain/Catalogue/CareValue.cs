namespace CareStories.Domain.Catalogue;

/// <summary>A value from the company's catalogue that a story can show ("Workaround first").</summary>
public sealed class CareValue
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 240;

    private CareValue()
    {
    }

    public CareValue(string name, string description)
    {
        Update(name, description);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Retired values stay on the stories that show them but cannot be chosen again.</summary>
    public bool IsRetired { get; private set; }

    public void Update(string name, string description)
    {
        var errors = new List<DomainError>();
        var trimmedName = Stories.TextRules.SingleLine(name);
        var trimmedDescription = Stories.TextRules.Normalize(description);
        if (trimmedName.Length == 0)
        {
            errors.Add(new(nameof(Name), "Enter the value's name."));
        }
        else if (trimmedName.Length > NameMaxLength)
        {
            errors.Add(new(nameof(Name), $"Keep the name to {NameMaxLength:N0} characters or fewer."));
        }

        if (trimmedDescription.Length == 0)
        {
            errors.Add(new(nameof(Description), "Say in a sentence what this value looks like in practice."));
        }
        else if (trimmedDescription.Length > DescriptionMaxLength)
        {
            errors.Add(new(nameof(Description), $"Keep the description to {DescriptionMaxLength:N0} characters or fewer."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Name = trimmedName;
        Description = trimmedDescription;
    }

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;
}
