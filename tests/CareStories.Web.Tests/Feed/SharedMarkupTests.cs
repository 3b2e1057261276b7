using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CareStories.Web.Freshness;
using CareStories.Web.Tests.Recognition;
using Microsoft.AspNetCore.Html;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// A feed page's shared markup is kept as UTF-8 bytes in segments (<see cref="Utf8Markup"/>) and written to the
/// response as bytes: what a reader receives must be exactly what rendering the page gave.
/// </summary>
public sealed partial class SharedMarkupTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public void Markup_kept_as_bytes_reads_back_character_for_character()
    {
        // Characters of one, two, three and four bytes, with a surrogate pair across the first segment's end.
        var html = new StringBuilder();
        html.Append('a', Utf8Markup.SegmentChars - 1).Append("🎉");
        while (html.Length < 3 * Utf8Markup.SegmentChars)
        {
            html.Append("<p>Zoë’s café — 🎉</p>");
        }

        var markup = Utf8Markup.Encode(new HtmlString(html.ToString()), HtmlEncoder.Default);

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Assert.Equal(html.ToString(), string.Concat(markup.Segments.Select(strict.GetString)));
        Assert.All(markup.Segments, segment => Assert.InRange(segment.Length, 1, 84_999));
        using var writer = new StringWriter();
        markup.WriteTo(writer);
        Assert.Equal(html.ToString(), writer.ToString());
    }

    [Fact]
    public async Task A_feed_page_from_kept_markup_is_the_page_first_rendered()
    {
        await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        var rendered = await reader.GetStringAsync("/Feed");
        var kept = await reader.GetStringAsync("/Feed");

        Assert.Contains("feed-card", rendered);
        Assert.Equal(WithoutFormTokens(rendered), WithoutFormTokens(kept));
    }

    // The sign-out form's token is new on every page by design; everything else must match.
    private static string WithoutFormTokens(string html) => FormToken().Replace(html, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex FormToken();
}
