namespace CareStories.Domain.Catalogue;

/// <summary>
/// What every celebration needs, whatever it celebrates (a story, a done fix): a badge still in the catalogue and a
/// message of a sensible length. One place, so a story's and a fix's celebrations refuse the same things in the same words.
/// </summary>
public static class CelebrationRules
{
    public const int MessageMaxLength = 1000;

    /// <summary>The message as kept, or a refusal naming every field that is wrong.</summary>
    public static string Check(Badge badge, string? message)
    {
        ArgumentNullException.ThrowIfNull(badge);
        var errors = new List<DomainError>();
        if (badge.IsRetired)
        {
            errors.Add(new("BadgeId", "That badge has been retired. Choose another."));
        }

        var text = TextRules.Normalize(message);
        if (text.Length == 0)
        {
            errors.Add(new("Message", "Write a message to the people you are celebrating."));
        }
        else if (text.Length > MessageMaxLength)
        {
            errors.Add(new("Message", $"Keep the message to {MessageMaxLength:N0} characters or fewer (it has {text.Length:N0})."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return text;
    }
}
