using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace CareStories.Web.Tests.Photos;

/// <summary>The app with its photo files in a folder of this test class's own.</summary>
public class PhotoFactory : CareStoriesFactory
{
    public string PhotoFolder => Path.Combine(TempFolder, "photo-files");

    /// <summary>The stored files, by name.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(PhotoFolder) ? [.. Directory.GetFiles(PhotoFolder).Select(Path.GetFileName).Order()!] : [];

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Photos:Folder"] = PhotoFolder,
    };
}

/// <summary>The same app with photos stored as database rows.</summary>
public sealed class DatabasePhotoFactory : CareStoriesFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Photos:Store"] = "Database",
        ["Photos:Folder"] = Path.Combine(TempFolder, "should-stay-empty"),
    };
}

/// <summary>Pictures made in the test, and uploads posted the way a browser posts a file.</summary>
internal static class PhotoTestKit
{
    /// <summary>A picture with a red left half and a blue right half.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 400, int height = 300) => Picture(width, height);

    /// <summary>A JPEG carrying an APP1 Exif segment, written by hand, right after its start-of-image marker.</summary>
    public static byte[] JpegWithExif(ushort? orientation = null, bool gps = true, int width = 400, int height = 300)
    {
        var jpeg = Jpeg(width, height);
        var tiff = Tiff(orientation, gps);
        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The latitude the GPS tag carries (51° 30' 12.34"), as its rational bytes, to look for afterwards.</summary>
    public static readonly byte[] LatitudeBytes = [0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0x04, 0xD2, 0, 0, 0, 100];

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static bool Contains(byte[] haystack, string ascii) => Contains(haystack, Encoding.ASCII.GetBytes(ascii));

    public static SKSizeI DecodedSize(byte[] bytes, out SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidOperationException("Not a picture.");
        format = codec.EncodedFormat;
        return codec.Info.Size;
    }

    /// <summary>Fetches the photos page, then posts its upload form with this file, as a browser would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, int storyId, byte[] bytes, string altText, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var page = await client.GetDocumentAsync($"/Stories/{storyId}/Photos");
        var form = page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")
            ?? throw new InvalidOperationException("The photos page has no upload form.");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await client.PostUploadAsync(form.GetAttribute("action")!, token, bytes, altText, fileName, contentType);
    }

    public static async Task<HttpResponseMessage> PostUploadAsync(
        this HttpClient client, string action, string token, byte[]? bytes, string altText, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "Upload.AltText" },
        };
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(file, "Upload.Photo", fileName);
        }

        return await client.PostAsync(action, content);
    }

    /// <summary>An antiforgery token from the person's own session, for posting to a page they cannot open.</summary>
    public static async Task<string> OwnTokenAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Stories/New");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    private static byte[] Tiff(ushort? orientation, bool gps)
    {
        var ifd0Entries = (orientation is null ? 0 : 1) + (gps ? 1 : 0);
        var gpsOffset = 8 + 2 + (ifd0Entries * 12) + 4;
        var dataOffset = gpsOffset + 2 + (2 * 12) + 4;
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        U16(tiff, 0x2A);
        U32(tiff, 8);
        U16(tiff, (ushort)ifd0Entries);
        if (orientation is { } o)
        {
            Entry(tiff, 0x0112, 3, 1, (uint)o << 16);
        }

        if (gps)
        {
            Entry(tiff, 0x8825, 4, 1, (uint)gpsOffset);
        }

        U32(tiff, 0);
        if (gps)
        {
            U16(tiff, 2);
            Entry(tiff, 0x0001, 2, 2, (uint)'N' << 24);
            Entry(tiff, 0x0002, 5, 3, (uint)dataOffset);
            U32(tiff, 0);
            tiff.AddRange(LatitudeBytes);
        }

        return [.. tiff];
    }

    private static void Entry(List<byte> tiff, ushort tag, ushort type, uint count, uint value)
    {
        U16(tiff, tag);
        U16(tiff, type);
        U32(tiff, count);
        U32(tiff, value);
    }

    private static void U16(List<byte> bytes, ushort value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }

    private static void U32(List<byte> bytes, uint value)
    {
        U16(bytes, (ushort)(value >> 16));
        U16(bytes, (ushort)value);
    }
}
