using CareStories.Domain.Search;
using CareStories.Web.Pages.Search;

namespace CareStories.Web.Tests.Search;

/// <summary>Highlighting encodes the story's text first, then marks: nothing typed can become markup.</summary>
public sealed class MarkedTests
{
    private const char S = SearchMarks.Start;
    private const char E = SearchMarks.End;

    private static string Html(string marked)
    {
        using var writer = new StringWriter();
        Marked.Html(marked).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Text_is_encoded_and_only_the_marks_become_elements()
    {
        Assert.Equal("&lt;b&gt;<mark>van</mark>&lt;/b&gt; &amp; co", Html($"<b>{S}van{E}</b> & co"));
    }

    [Fact]
    public void Stray_or_unclosed_marks_still_give_balanced_markup()
    {
        Assert.Equal("a<mark>b</mark>", Html($"a{E}{S}b"));
        Assert.Equal("<mark>a</mark>b", Html($"{S}a{E}{E}b"));
    }

    [Fact]
    public void An_excerpt_starts_near_the_first_match_and_never_cuts_a_mark()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => "word" + i));
        var excerpt = Marked.Excerpt($"{words} the {S}spare{E} part {words}", 120);

        Assert.StartsWith("\u2026", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", excerpt, StringComparison.Ordinal);
        Assert.Contains($"{S}spare{E}", excerpt, StringComparison.Ordinal);
        Assert.Equal(excerpt.Count(c => c == S), excerpt.Count(c => c == E));
    }
}
