using System.Globalization;
using System.Text;

namespace CareStories.Domain.Catalogue;

/// <summary>
/// The colours a badge can wear. A fixed palette rather than any colour code: every one reads well on the page
/// with dark text, and the page's security policy allows no inline styles, so each colour is a CSS class.
/// </summary>
public enum BadgeColour
{
    Teal = 0,
    Blue = 1,
    Purple = 2,
    Rose = 3,
    Amber = 4,
    Green = 5,
    Slate = 6,
}

public static class BadgeColourText
{
    public static string Label(this BadgeColour colour) => colour switch
    {
        BadgeColour.Teal => "Teal",
        BadgeColour.Blue => "Blue",
        BadgeColour.Purple => "Purple",
        BadgeColour.Rose => "Rose",
        BadgeColour.Amber => "Amber",
        BadgeColour.Green => "Green",
        BadgeColour.Slate => "Slate",
        _ => "Teal",
    };

    /// <summary>The CSS class suffix that paints a badge in this colour.</summary>
    public static string Css(this BadgeColour colour) => colour.Label().ToLowerInvariant();
}

/// <summary>A badge from the catalogue the Admin keeps; managers and leaders celebrate stories with one.</summary>
public sealed class Badge
{
    public const int NameMaxLength = 40;
    public const int DescriptionMaxLength = 200;
    public const int EmojiMaxLength = 16;

    private Badge()
    {
    }

    public Badge(string name, string description, BadgeColour colour, string? emoji = null)
    {
        Update(name, description, colour, emoji);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public BadgeColour Colour { get; private set; }

    /// <summary>An optional emoji shown before the name ("🌟").</summary>
    public string? Emoji { get; private set; }

    /// <summary>Retired badges stay on the celebrations that carry them but cannot be given again.</summary>
    public bool IsRetired { get; private set; }

    public void Update(string name, string description, BadgeColour colour, string? emoji)
    {
        var errors = new List<DomainError>();
        var trimmedName = Stories.TextRules.SingleLine(name);
        var trimmedDescription = Stories.TextRules.SingleLine(description);
        var trimmedEmoji = Stories.TextRules.SingleLine(emoji).Replace(" ", "", StringComparison.Ordinal);
        if (trimmedName.Length == 0)
        {
            errors.Add(new(nameof(Name), "Enter the badge's name."));
        }
        else if (trimmedName.Length > NameMaxLength)
        {
            errors.Add(new(nameof(Name), $"Keep the name to {NameMaxLength:N0} characters or fewer."));
        }

        if (trimmedDescription.Length == 0)
        {
            errors.Add(new(nameof(Description), "Say in a sentence what earns this badge."));
        }
        else if (trimmedDescription.Length > DescriptionMaxLength)
        {
            errors.Add(new(nameof(Description), $"Keep the description to {DescriptionMaxLength:N0} characters or fewer."));
        }

        if (!Enum.IsDefined(colour))
        {
            errors.Add(new(nameof(Colour), "Choose one of the colours."));
        }

        if (trimmedEmoji.Length > 0 && !IsEmoji(trimmedEmoji))
        {
            errors.Add(new(nameof(Emoji), "Enter a single emoji, such as 🌟, or leave this empty."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Name = trimmedName;
        Description = trimmedDescription;
        Colour = colour;
        Emoji = trimmedEmoji.Length == 0 ? null : trimmedEmoji;
    }

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;

    /// <summary>
    /// One emoji: at most a few text elements' worth of code points, and no letters, digits or punctuation,
    /// so the field cannot carry words or markup.
    /// </summary>
    private static bool IsEmoji(string text)
    {
        if (text.Length > EmojiMaxLength || new StringInfo(text).LengthInTextElements > 2)
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var allowed = category is UnicodeCategory.OtherSymbol or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.ModifierSymbol
                || rune.Value is 0x200D or 0xFE0F;
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
