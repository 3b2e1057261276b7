using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// A field in error says so to screen readers, not only with a red border: aria-invalid="true", and its message
/// (the &lt;span asp-validation-for&gt; beside it) tied to it with aria-describedby. Runs after the framework's own
/// input tag helpers, on every form of the app and of the Identity pages alike.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // After the framework's input tag helpers, so a field written with asp-for already has its name.
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // A checkbox or radio button is one of a group: its fieldset carries the message, not each box.
        var type = Text(output, "type");
        var name = Text(output, "name");
        if (type is "hidden" or "checkbox" or "radio" or "submit" or "button" || string.IsNullOrEmpty(name)
            || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = Text(output, "aria-describedby");
        var messageId = FieldErrorMessageTagHelper.MessageId(name);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? messageId : $"{describedBy} {messageId}");
    }

    /// <summary>An attribute's text, whether written literally or with Razor (then it is HTML content, encoded).</summary>
    public static string? Text(TagHelperOutput output, string attribute)
    {
        switch (output.Attributes[attribute]?.Value)
        {
            case null:
                return null;
            case string text:
                return text;
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }

            case var other:
                return other.ToString();
        }
    }
}

/// <summary>
/// Gives each field's validation message (asp-validation-for, or a hand-written data-valmsg-for) the id its field
/// points at with aria-describedby.
/// </summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
[HtmlTargetElement("*", Attributes = "data-valmsg-for")]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    public override int Order => 1000;

    public static string MessageId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id") && FieldErrorTagHelper.Text(output, "data-valmsg-for") is { Length: > 0 } name)
        {
            output.Attributes.SetAttribute("id", MessageId(name));
        }
    }
}
