using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareStories.Web.Freshness;

/// <summary>
/// <c>&lt;shared-markup stamp="…" key="…"&gt;</c>: the rendered markup of what it wraps, kept in
/// <see cref="SharedContentCache"/> beside the page's data under the same change stamp and key, as UTF-8 bytes in
/// segments (<see cref="Utf8Markup"/>) and written to the response as bytes. Used instead of the framework's
/// <c>&lt;cache&gt;</c> for a whole feed page: that tag keeps 50 KB of HTML as 1,024-character arrays (about 100 KB)
/// in a cache of its own, and every request copies those characters through two writers and encodes them again. Used
/// too for the parts a page keeps under a story's stamp (a feed card, a story page's text, facts and history): the
/// framework's cache cannot drop the version a change replaced, which stayed there until it slid out, and this
/// cache keeps one stamp per key. Inside another <c>&lt;shared-markup&gt;</c> a part is written as characters.
/// Only markup that is the same for every reader at this stamp may go inside, with one exception: with
/// <c>form-token="true"</c> its forms may carry their antiforgery token, which is each person's own. The token of the
/// request that renders the markup is cut out of it, and every response writes its own token into those places.
/// </summary>
[HtmlTargetElement("shared-markup")]
public sealed class SharedMarkupTagHelper(SharedContentCache cache, HtmlEncoder encoder, IAntiforgery antiforgery) : TagHelper
{
    /// <summary>The change stamp the page was read at (<see cref="SharedContentStamp"/>).</summary>
    [HtmlAttributeName("stamp")]
    public long Stamp { get; set; }

    /// <summary>What the markup is filed under at that stamp; empty to render it every time.</summary>
    [HtmlAttributeName("key")]
    public string Key { get; set; } = "";

    /// <summary>Whether forms inside carry the antiforgery token (the request's own, written into the kept markup).</summary>
    [HtmlAttributeName("form-token")]
    public bool FormToken { get; set; }

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

        // The form token every form of this response carries (one per request), as a form's hidden field writes it.
        var token = FormToken ? encoder.Encode(antiforgery.GetAndStoreTokens(ViewContext.HttpContext).RequestToken ?? "") : null;
        var markup = await cache.GetOrLoadAsync(
            Stamp,
            (FormToken ? "markup-with-forms:" : "markup:") + Key,
            async () => Utf8Markup.Encode(await output.GetChildContentAsync(), encoder, token),
            m => m.Kilobytes);
        output.Content.SetHtmlContent(new Utf8MarkupContent(markup, ViewContext, token ?? ""));
    }
}
