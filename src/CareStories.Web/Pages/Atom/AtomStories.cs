using System.Text;
using System.Text.Encodings.Web;
using System.Xml;

namespace CareStories.Web.Pages.Atom;

/// <summary>A published story as the Atom feed carries it: only what the story page shows to everyone signed in.</summary>
public sealed record AtomStory(
    int Id,
    string Title,
    string AuthorName,
    string? Situation,
    string? ImmediateAction,
    string? Outcome,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Heroes,
    IReadOnlyList<string> Tags,
    AtomQuote? Quote);

/// <summary>The newest customer quote, attributed only as far as the customer consented.</summary>
public sealed record AtomQuote(string Text, string Attribution);

/// <summary>Writes an Atom 1.0 document (RFC 4287) with <see cref="XmlWriter"/>, which escapes every text it writes.</summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string Write(
        string title, string feedId, string selfUrl, string alternateUrl, DateTimeOffset now, IReadOnlyList<AtomStory> stories, Func<int, string> storyUrl)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(storyUrl);
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("title", Namespace, title);
            xml.WriteElementString("id", Namespace, feedId);
            xml.WriteElementString("updated", Namespace, Instant(stories.Count > 0 ? stories.Max(s => s.PublishedAt) : now));
            Link(xml, "self", selfUrl, "application/atom+xml");
            Link(xml, "alternate", alternateUrl, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "CareStories");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "CareStories");
            foreach (var story in stories)
            {
                Entry(xml, story, storyUrl(story.Id));
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.ToString();
    }

    private static void Entry(XmlWriter xml, AtomStory story, string url)
    {
        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, url);
        xml.WriteStartElement("title", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(story.Title);
        xml.WriteEndElement();
        Link(xml, "alternate", url, "text/html");
        xml.WriteElementString("published", Namespace, Instant(story.PublishedAt));
        xml.WriteElementString("updated", Namespace, Instant(story.PublishedAt));
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, story.AuthorName);
        xml.WriteEndElement();
        foreach (var hero in story.Heroes)
        {
            xml.WriteStartElement("contributor", Namespace);
            xml.WriteElementString("name", Namespace, hero);
            xml.WriteEndElement();
        }

        foreach (var tag in story.Tags)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", tag);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("summary", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Feed.IndexModel.Excerpt($"{story.Situation} {story.Outcome}", Feed.IndexModel.ExcerptLength));
        xml.WriteEndElement();
        xml.WriteStartElement("content", Namespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(ContentHtml(story));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The entry's body as HTML, every piece of it encoded (the XML writer then escapes the HTML itself).</summary>
    private static string ContentHtml(AtomStory story)
    {
        var html = new StringBuilder();
        var encode = HtmlEncoder.Default;
        if (story.Heroes.Count > 0)
        {
            html.Append("<p><strong>Credited:</strong> ").Append(encode.Encode(string.Join(", ", story.Heroes))).Append("</p>");
        }

        void Part(string heading, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                html.Append("<h3>").Append(encode.Encode(heading)).Append("</h3><p>")
                    .Append(encode.Encode(text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }
        }

        Part("The customer's situation", story.Situation);
        Part("What was done right away", story.ImmediateAction);
        Part("The outcome for the customer", story.Outcome);
        if (story.Quote is { } quote)
        {
            html.Append("<blockquote><p>\u201c").Append(encode.Encode(quote.Text)).Append("\u201d</p><p>\u2014 ")
                .Append(encode.Encode(quote.Attribution)).Append("</p></blockquote>");
        }

        return html.ToString();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ssZ");

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
