using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Freshness;

/// <summary>
/// Rendered HTML kept as UTF-8 bytes, in segments of at most <see cref="SegmentChars"/> characters (under 48 KB each,
/// so never on the large object heap), each a whole number of characters so it decodes on its own. It may have holes:
/// places where each response writes its own text (a form's token), between its <see cref="Parts"/>.
/// </summary>
public sealed class Utf8Markup
{
    /// <summary>Characters a segment holds: about 16 KB of bytes for HTML, the response writer's own buffer.</summary>
    public const int SegmentChars = 16 * 1024;

    private Utf8Markup(IReadOnlyList<IReadOnlyList<byte[]>> parts)
    {
        Parts = parts;
        Segments = parts.Count == 1 ? parts[0] : [.. parts.SelectMany(p => p)];
        Length = Segments.Sum(s => (long)s.Length);
    }

    /// <summary>The markup between its holes, in order: one more than there are holes.</summary>
    public IReadOnlyList<IReadOnlyList<byte[]>> Parts { get; }

    /// <summary>Every part's segments, one after the other (the markup without what goes into its holes).</summary>
    public IReadOnlyList<byte[]> Segments { get; }

    /// <summary>Bytes in all, what a browser receives of it.</summary>
    public long Length { get; }

    /// <summary>About how many kilobytes it holds, for <see cref="SharedContentCache"/>.</summary>
    public long Kilobytes => 1 + (Length / 1024);

    /// <summary>
    /// Writes <paramref name="content"/> out once and keeps it as bytes. Wherever it holds <paramref name="hole"/>
    /// (exactly as written, e.g. the request's form token), the kept markup has a hole instead, for
    /// <see cref="WriteTo(TextWriter, string)"/> and <see cref="Utf8MarkupContent"/> to fill with each response's own.
    /// </summary>
    public static Utf8Markup Encode(IHtmlContent content, HtmlEncoder encoder, string? hole = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrEmpty(hole))
        {
            return new Utf8Markup([EncodeOne(content, encoder)]);
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(text, encoder);
        return new Utf8Markup([.. text.ToString().Split(hole, StringSplitOptions.None).Select(piece => EncodeOne(new HtmlString(piece), encoder))]);
    }

    private static List<byte[]> EncodeOne(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new SegmentWriter();
        content.WriteTo(writer, encoder);
        return writer.Finish();
    }

    /// <summary>Writes the markup as characters, <paramref name="filler"/> in its holes, for a writer that is not the response's.</summary>
    public void WriteTo(TextWriter writer, string filler = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        var chars = ArrayPool<char>.Shared.Rent(SegmentChars + 2);
        try
        {
            for (var i = 0; i < Parts.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(filler);
                }

                foreach (var segment in Parts[i])
                {
                    var count = Encoding.UTF8.GetChars(segment, chars);
                    writer.Write(chars, 0, count);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Collects characters and turns every <see cref="SegmentChars"/> of them into one segment of bytes.</summary>
    private sealed class SegmentWriter : TextWriter
    {
        private readonly List<byte[]> _segments = [];
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
        private readonly char[] _chars = ArrayPool<char>.Shared.Rent(SegmentChars);
        private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(SegmentChars));
        private int _count;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (_count == SegmentChars)
            {
                Cut(flush: false);
            }

            _chars[_count++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            while (buffer.Length > 0)
            {
                if (_count == SegmentChars)
                {
                    Cut(flush: false);
                }

                var take = Math.Min(buffer.Length, SegmentChars - _count);
                buffer[..take].CopyTo(_chars.AsSpan(_count));
                _count += take;
                buffer = buffer[take..];
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public List<byte[]> Finish()
        {
            Cut(flush: true);
            return _segments;
        }

        // The encoder keeps a high surrogate at the end of a segment for the next one, so no segment splits a character.
        private void Cut(bool flush)
        {
            var count = _encoder.GetBytes(_chars.AsSpan(0, _count), _bytes, flush);
            _count = 0;
            if (count > 0)
            {
                _segments.Add(_bytes.AsSpan(0, count).ToArray());
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                ArrayPool<char>.Shared.Return(_chars);
                ArrayPool<byte>.Shared.Return(_bytes);
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// One response's use of a <see cref="Utf8Markup"/>. Written at the end of the page (MVC writes a page's buffered
/// HTML asynchronously, <see cref="IHtmlAsyncContent"/>), it hands the response its bytes as they are: what was
/// written before it is first pushed through the page's writers, so the order holds. Anywhere else (inside another
/// buffer, a page rendered to a string) it is written as characters. <paramref name="filler"/> goes into the markup's
/// holes, as it is: it must be HTML already.
/// </summary>
public sealed class Utf8MarkupContent(Utf8Markup markup, ViewContext viewContext, string filler = "") : IHtmlAsyncContent
{
    // MVC's writer that smooths a page's synchronous writes on their way to the response's writer (internal type).
    private const string PagedWriter = "Microsoft.AspNetCore.Mvc.ViewFeatures.Buffers.PagedBufferedTextWriter";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => markup.WriteTo(writer, filler);

    public async ValueTask WriteToAsync(TextWriter writer)
    {
        // At the page's final write the view context's writer is again the response's; the writer passed in is that
        // one or MVC's buffer in front of it. Anything else, and bytes could overtake characters (or be in the wrong
        // encoding): write characters.
        if (viewContext.Writer is not HttpResponseStreamWriter response
            || response.Encoding.CodePage != Encoding.UTF8.CodePage
            || !(ReferenceEquals(writer, response) || writer.GetType().FullName == PagedWriter))
        {
            markup.WriteTo(writer, filler);
            return;
        }

        await writer.FlushAsync();
        if (!ReferenceEquals(writer, response))
        {
            await response.FlushAsync();
        }

        // Into the response's pipe without a flush each: they go out with what the page writes next, in the same
        // chunks as before, instead of one send per segment.
        var body = viewContext.HttpContext.Response.BodyWriter;
        var fillerBytes = markup.Parts.Count > 1 ? Encoding.UTF8.GetBytes(filler) : [];
        for (var i = 0; i < markup.Parts.Count; i++)
        {
            if (i > 0)
            {
                body.Write(fillerBytes);
            }

            foreach (var segment in markup.Parts[i])
            {
                body.Write(segment);
            }
        }
    }
}
