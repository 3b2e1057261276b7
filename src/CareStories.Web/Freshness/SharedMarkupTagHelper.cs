using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareStories.Web.Freshness;

/// <summary>
/// <c>&lt;shared-markup stamp="…" key="…"&gt;</c>: the rendered markup of what it wraps, kept in
/// <see cref="SharedContentCache"/> beside the page's data under the same change stamp and key, as UTF-8 bytes in
/// segments (<see cref="Utf8Markup"/>) and written to the response as bytes. Used instead of the framework's
/// <c>&lt;cache&gt;</c> for a whole feed page: that tag keeps 50 KB of HTML as 1,024-character arrays (about 100 KB)
/// in a cache of its own, and every request copies those characters through two writers and encodes them again.
/// Only markup that is the same for every reader at this stamp may go inside.
/// </summary>
[HtmlTargetElement("shared-markup")]
public sealed class SharedMarkupTagHelper(SharedContentCache cache, HtmlEncoder encoder) : TagHelper
{
    /// <summary>The change stamp the page was read at (<see cref="SharedContentStamp"/>).</summary>
    [HtmlAttributeName("stamp")]
    public long Stamp { get; set; }

    /// <summary>What the markup is filed under at that stamp; empty to render it every time.</summary>
    [HtmlAttributeName("key")]
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (!cache.Enabled || Key.Length == 0)
        {
            return;
        }

        var markup = await cache.GetOrLoadAsync(
            Stamp,
            "markup:" + Key,
            async () => Utf8Markup.Encode(await output.GetChildContentAsync(), encoder),
            m => m.Kilobytes);
        output.Content.SetHtmlContent(new Utf8MarkupContent(markup, ViewContext));
    }
}
