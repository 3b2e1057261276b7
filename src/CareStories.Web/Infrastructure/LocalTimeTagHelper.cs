using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// Renders an instant as &lt;time&gt;: UTC text the server can always write, turned into the reader's own
/// time zone by site.js in the browser (the server does not know where the reader is).
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTimeOffset? At { get; set; }

    /// <summary>"datetime" (default), "date" or "relative".</summary>
    public string Format { get; set; } = "datetime";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (At is not { } at)
        {
            output.SuppressOutput();
            return;
        }

        var utc = at.ToUniversalTime();
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        // HTML allows one to three digits of a second's fraction; "O" writes seven, which the Nu checker refuses.
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("data-local", Format);
        output.Content.SetContent(Format == "date"
            ? utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
    }
}
