using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Freshness;

/// <summary>
/// Rendered HTML kept as UTF-8 bytes, in segments of at most <see cref="SegmentChars"/> characters (under 48 KB each,
/// so never on the large object heap), each a whole number of characters so it decodes on its own.
/// </summary>
public sealed class Utf8Markup
{
    /// <summary>Characters a segment holds: about 16 KB of bytes for HTML, the response writer's own buffer.</summary>
    public const int SegmentChars = 16 * 1024;

    private Utf8Markup(IReadOnlyList<byte[]> segments)
    {
        Segments = segments;
        Length = segments.Sum(s => (long)s.Length);
    }

    public IReadOnlyList<byte[]> Segments { get; }

    /// <summary>Bytes in all, what a browser receives of it.</summary>
    public long Length { get; }

    /// <summary>About how many kilobytes it holds, for <see cref="SharedContentCache"/>.</summary>
    public long Kilobytes => 1 + (Length / 1024);

    /// <summary>Writes <paramref name="content"/> out once and keeps it as bytes.</summary>
    public static Utf8Markup Encode(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new SegmentWriter();
        content.WriteTo(writer, encoder);
        return new Utf8Markup(writer.Finish());
    }

    /// <summary>Writes the markup as characters, for a writer that is not the response's (a buffer, a string).</summary>
    public void WriteTo(TextWriter writer)
    {
        var chars = ArrayPool<char>.Shared.Rent(SegmentChars + 2);
        try
        {
            foreach (var segment in Segments)
            {
                var count = Encoding.UTF8.GetChars(segment, chars);
                writer.Write(chars, 0, count);
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
/// buffer, a page rendered to a string) it is written as characters.
/// </summary>
public sealed class Utf8MarkupContent(Utf8Markup markup, ViewContext viewContext) : IHtmlAsyncContent
{
    // MVC's writer that smooths a page's synchronous writes on their way to the response's writer (internal type).
    private const string PagedWriter = "Microsoft.AspNetCore.Mvc.ViewFeatures.Buffers.PagedBufferedTextWriter";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => markup.WriteTo(writer);

    public async ValueTask WriteToAsync(TextWriter writer)
    {
        // At the page's final write the view context's writer is again the response's; the writer passed in is that
        // one or MVC's buffer in front of it. Anything else, and bytes could overtake characters (or be in the wrong
        // encoding): write characters.
        if (viewContext.Writer is not HttpResponseStreamWriter response
            || response.Encoding.CodePage != Encoding.UTF8.CodePage
            || !(ReferenceEquals(writer, response) || writer.GetType().FullName == PagedWriter))
        {
            markup.WriteTo(writer);
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
        foreach (var segment in markup.Segments)
        {
            body.Write(segment);
        }
    }
}
