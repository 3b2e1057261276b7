using System.Text;
using System.Text.Encodings.Web;
using CareStories.Domain.Search;
using Microsoft.AspNetCore.Html;

namespace CareStories.Web.Pages.Search;

/// <summary>
/// Turns search's marked text into HTML safely: every piece of the person-typed text is HTML-encoded first, and only
/// then are the marks around matching words turned into <c>&lt;mark&gt;</c> elements. Nothing from the text can become
/// markup, and the marks always come out balanced, even if the text held a stray mark character.
/// </summary>
public static class Marked
{
    private const char Start = SearchMarks.Start;
    private const char End = SearchMarks.End;

    public static IHtmlContent Html(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var piece = new StringBuilder();
        void Flush()
        {
            html.Append(HtmlEncoder.Default.Encode(piece.ToString()));
            piece.Clear();
        }

        foreach (var c in marked)
        {
            if (c == Start && !open)
            {
                Flush();
                html.Append("<mark>");
                open = true;
            }
            else if (c == End && open)
            {
                Flush();
                html.Append("</mark>");
                open = false;
            }
            else if (c is not Start and not End)
            {
                piece.Append(c);
            }
        }

        Flush();
        if (open)
        {
            html.Append("</mark>");
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>The text without its marks (for a title attribute or a comparison).</summary>
    public static string Plain(string marked) => marked.Replace(Start.ToString(), "", StringComparison.Ordinal)
        .Replace(End.ToString(), "", StringComparison.Ordinal);

    /// <summary>
    /// About <paramref name="max"/> characters of the text around its first matching word, cut at spaces and never
    /// inside a mark, with an ellipsis where something was left out; the start of the text when nothing matched in it.
    /// </summary>
    public static string Excerpt(string marked, int max)
    {
        var flat = string.Join(' ', marked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Plain(flat).Length <= max)
        {
            return flat;
        }

        var first = flat.IndexOf(Start, StringComparison.Ordinal);
        var from = first < 0 ? 0 : Math.Max(0, first - (max / 3));
        if (from > 0)
        {
            var space = flat.IndexOf(' ', from);
            from = space >= 0 && space < first ? space + 1 : from;
        }

        var to = Math.Min(flat.Length, from + max);
        if (to < flat.Length)
        {
            var space = flat.LastIndexOf(' ', to);
            to = space > from + (max / 2) ? space : to;
        }

        // Never end inside a mark: take the rest of the marked word.
        var lastStart = flat.LastIndexOf(Start, Math.Max(0, to - 1));
        if (lastStart >= from && flat.IndexOf(End, lastStart) is var end and >= 0 && end >= to)
        {
            to = end + 1;
        }

        return (from > 0 ? "\u2026" : "") + flat[from..to].TrimEnd(',', ';', ':', '.', ' ') + (to < flat.Length ? "\u2026" : "");
    }
}
