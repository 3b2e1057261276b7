using System.Globalization;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareStories.Web.Infrastructure;

/// <summary>How large a person's round picture is drawn, in CSS pixels.</summary>
public enum AvatarSize
{
    Small = 28,
    Medium = 44,
    Large = 96,
}

/// <summary>
/// A person's small round picture beside their name: their profile photo, or their initials when they have none.
/// It always stands next to the name, so it says nothing more to a screen reader (empty alt, initials hidden).
/// </summary>
[HtmlTargetElement("person-avatar", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PersonAvatarTagHelper(IUrlHelperFactory urls) : TagHelper
{
    public string Name { get; set; } = "";

    public string? PhotoKey { get; set; }

    public AvatarSize Size { get; set; } = AvatarSize.Small;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var sizeClass = $"avatar avatar-{Size.ToString().ToLowerInvariant()}";
        if (PhotoKey is { Length: > 0 } key && PhotoVariants.IsValidKey(key))
        {
            var pixels = ((int)Size).ToString(CultureInfo.InvariantCulture);
            // The thumbnail (128 px) is sharp at twice the small sizes; the large one needs the display size.
            var variant = Size == AvatarSize.Large ? PhotoVariant.Display : PhotoVariant.Thumb;
            output.TagName = "img";
            output.TagMode = TagMode.SelfClosing;
            output.Attributes.SetAttribute("class", sizeClass);
            output.Attributes.SetAttribute("src", urls.GetUrlHelper(ViewContext).Content(PhotoPaths.ForPerson(key, variant)));
            output.Attributes.SetAttribute("width", pixels);
            output.Attributes.SetAttribute("height", pixels);
            output.Attributes.SetAttribute("alt", "");
            output.Attributes.SetAttribute("loading", "lazy");
            output.Attributes.SetAttribute("decoding", "async");
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"{sizeClass} avatar-initials avatar-tone-{Tone(Name)}");
        output.Attributes.SetAttribute("aria-hidden", "true");
        // Drawn by CSS from the attribute: the letters are no text of the page, so the name beside them reads (and
        // copies) as itself, not as "JRJamie Rivera".
        output.Attributes.SetAttribute("data-initials", Initials(Name));
    }

    /// <summary>The first letters of the first and last words ("Jamie Rivera" → "JR"), whole letters even for emoji or accents.</summary>
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return "?";
        }

        static string First(string word) => StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.CurrentCulture);
        return words.Length == 1 ? First(words[0]) : First(words[0]) + First(words[^1]);
    }

    // One of a few background tones (each with white text at 4.5:1 or better), the same for a name every time.
    private static int Tone(string name)
    {
        var sum = 0;
        foreach (var c in name)
        {
            sum = unchecked((sum * 31) + c);
        }

        return (int)((uint)sum % 4);
    }
}
