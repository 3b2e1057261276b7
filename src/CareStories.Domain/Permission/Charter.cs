namespace CareStories.Domain.Permission;

/// <summary>
/// One version of the company's permission-to-care statement. Versions are only ever added: the newest is the
/// charter everyone sees, the older ones are its history (who wrote what, and when).
/// </summary>
public sealed class CharterVersion
{
    public const int TextMaxLength = 3000;

    private CharterVersion()
    {
    }

    public CharterVersion(string? text, string writtenById, DateTimeOffset at)
    {
        var normalized = TextRules.Normalize(text);
        if (normalized.Length == 0)
        {
            throw new DomainException("Write the charter: what people may do for a customer without asking.", nameof(Text));
        }

        if (normalized.Length > TextMaxLength)
        {
            throw new DomainException(
                $"Keep the charter to {TextMaxLength:N0} characters or fewer (it has {normalized.Length:N0}): a charter people remember is short.",
                nameof(Text));
        }

        Text = normalized;
        WrittenById = writtenById;
        WrittenAt = at;
    }

    public int Id { get; private set; }

    /// <summary>Plain text; blank lines separate its paragraphs.</summary>
    public string Text { get; private set; } = "";

    public string WrittenById { get; private set; } = "";

    public Person WrittenBy { get; private set; } = null!;

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>The paragraphs as written, for pages that show them one by one.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// One of the few procedures that must always be followed (safety, law, data protection), kept by an Admin.
/// Everything not on the list may be flexed for a customer.
/// </summary>
public sealed class MustFollowProcedure
{
    public const int NameMaxLength = 120;
    public const int WhyMaxLength = 400;
    public const int OwnerMaxLength = 120;

    private MustFollowProcedure()
    {
    }

    public MustFollowProcedure(string? name, string? why, string? owner, DateTimeOffset at)
    {
        Update(name, why, owner);
        AddedAt = at;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Why it must always be followed: the safety, law or data-protection reason.</summary>
    public string Why { get; private set; } = "";

    /// <summary>Who owns it: a person or a role, as the company names them.</summary>
    public string Owner { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    public void Update(string? name, string? why, string? owner)
    {
        var errors = new List<DomainError>();
        var checkedName = Line(name, nameof(Name), NameMaxLength, "Name the procedure.", errors);
        var checkedWhy = Paragraph(why, nameof(Why), WhyMaxLength, "Say why it must always be followed (safety, law, data protection…).", errors);
        var checkedOwner = Line(owner, nameof(Owner), OwnerMaxLength, "Say who owns it: a person or a role.", errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        (Name, Why, Owner) = (checkedName, checkedWhy, checkedOwner);
    }

    internal static string Line(string? text, string field, int max, string missing, List<DomainError> errors)
    {
        var value = TextRules.SingleLine(text);
        if (value.Length == 0)
        {
            errors.Add(new(field, missing));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"Keep this to {max:N0} characters or fewer."));
        }

        return value;
    }

    internal static string Paragraph(string? text, string field, int max, string missing, List<DomainError> errors)
    {
        var value = TextRules.Normalize(text);
        if (value.Length == 0)
        {
            errors.Add(new(field, missing));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"Keep this to {max:N0} characters or fewer (it has {value.Length:N0})."));
        }

        return value;
    }
}
