using SkiaSharp;

namespace CareStories.Web.Photos;

/// <summary>A photo made safe to show: both sizes re-encoded from pixels, and what the story records about them.</summary>
public sealed record ProcessedPhoto(StoredPhotoFile File, byte[] Display, byte[] Thumbnail);

/// <summary>
/// Turns an upload into the app's own pictures. The format is read from the content, never from the name or
/// the declared type; only JPEG, PNG and WebP are decoded. Both sizes are drawn from pixels and encoded again as
/// JPEG, which leaves behind EXIF (GPS included), comments and anything appended to the file.
/// </summary>
public sealed class PhotoProcessor
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int DisplayLongEdge = 1600;
    public const int ThumbnailLongEdge = 480;
    public const int MaxSide = 12_000;
    public const int PortraitSide = 400;
    public const int PortraitThumbnailSide = 128;
    public const long MaxPixels = 40_000_000;
    public const int JpegQuality = 82;
    public const string ContentType = "image/jpeg";
    public const string Field = "Photo";

    public const string EmptyMessage = "This file is empty. Choose a photo to upload.";
    public const string TooLargeMessage = "This photo is larger than 10 MB. Make it smaller, or choose another one.";
    public const string NotAPictureMessage = "This file is not a JPEG, PNG or WebP picture. Choose a photo saved in one of those formats.";

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public ProcessedPhoto Process(byte[] upload)
    {
        using var picture = Open(upload);
        var (uprightWidth, uprightHeight) = picture.UprightSize;
        var (displayWidth, displayHeight) = Fit(uprightWidth, uprightHeight, DisplayLongEdge);
        using var display = Draw(picture.Decoded, picture.Origin, displayWidth, displayHeight);
        var (thumbWidth, thumbHeight) = Fit(uprightWidth, uprightHeight, ThumbnailLongEdge);
        using var thumbnail = Draw(display, SKEncodedOrigin.TopLeft, thumbWidth, thumbHeight);
        return Stored(display, thumbnail);
    }

    /// <summary>
    /// A profile photo: the same checks and re-encoding, cut to a square around the middle of the upright picture
    /// (a face is usually there), so it fills a round frame of any size without stretching.
    /// </summary>
    public ProcessedPhoto ProcessPortrait(byte[] upload)
    {
        using var picture = Open(upload);
        var (uprightWidth, uprightHeight) = picture.UprightSize;
        var side = Math.Min(PortraitSide, Math.Min(uprightWidth, uprightHeight));
        // Drawn so its short edge is the square's side, then the middle square is kept.
        var scale = (double)side / Math.Min(uprightWidth, uprightHeight);
        var (coverWidth, coverHeight) = (Math.Max(side, (int)Math.Round(uprightWidth * scale)), Math.Max(side, (int)Math.Round(uprightHeight * scale)));
        using var cover = Draw(picture.Decoded, picture.Origin, coverWidth, coverHeight);
        using var display = cover.Subset(SKRectI.Create((coverWidth - side) / 2, (coverHeight - side) / 2, side, side))
            ?? throw new InvalidOperationException("Could not cut the square.");
        var thumbSide = Math.Min(PortraitThumbnailSide, side);
        using var thumbnail = Draw(display, SKEncodedOrigin.TopLeft, thumbSide, thumbSide);
        return Stored(display, thumbnail);
    }

    private static ProcessedPhoto Stored(SKImage display, SKImage thumbnail)
    {
        var displayBytes = Encode(display);
        var thumbBytes = Encode(thumbnail);
        var file = new StoredPhotoFile(
            PhotoVariants.NewKey(), ContentType, display.Width, display.Height, thumbnail.Width, thumbnail.Height,
            displayBytes.LongLength + thumbBytes.LongLength);
        return new ProcessedPhoto(file, displayBytes, thumbBytes);
    }

    /// <summary>A checked, decoded upload and the orientation its camera recorded.</summary>
    private sealed class OpenedPicture(SKImage decoded, SKEncodedOrigin origin, int width, int height) : IDisposable
    {
        public SKImage Decoded { get; } = decoded;

        public SKEncodedOrigin Origin { get; } = origin;

        /// <summary>The picture's size once turned upright.</summary>
        public (int Width, int Height) UprightSize =>
            Origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
                ? (height, width)
                : (width, height);

        public void Dispose() => Decoded.Dispose();
    }

    private static OpenedPicture Open(byte[] upload)
    {
        if (upload.Length == 0)
        {
            throw new DomainException(EmptyMessage, Field);
        }

        if (upload.Length > MaxBytes)
        {
            throw new DomainException(TooLargeMessage, Field);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw new DomainException(NotAPictureMessage, Field);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            throw new DomainException(
                "This picture has too many pixels to use (more than 40 megapixels, or a side longer than 12,000). Make it smaller and try again.",
                Field);
        }

        return new OpenedPicture(Decode(codec), codec.EncodedOrigin, width, height);
    }

    /// <summary>The size that fits the long edge, never larger than the picture itself.</summary>
    private static (int Width, int Height) Fit(int width, int height, int longEdge)
    {
        var scale = Math.Min(1d, (double)longEdge / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>
    /// Decodes at a reduced size when the codec can (JPEG decodes at eighths, WebP at any scale), which spares the
    /// memory of a full-size bitmap for a large photo; never smaller than the display size needs.
    /// </summary>
    private static SKImage Decode(SKCodec codec)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = codec.Info.Size;
        if (longest > DisplayLongEdge)
        {
            var scaled = codec.GetScaledDimensions((float)DisplayLongEdge / longest);
            if (Math.Max(scaled.Width, scaled.Height) >= DisplayLongEdge)
            {
                size = scaled;
            }
        }

        var image = TryDecode(codec, size) ?? (size != codec.Info.Size ? TryDecode(codec, codec.Info.Size) : null);
        return image ?? throw new DomainException(
            "This picture could not be read; it may be damaged. Save it again or choose another photo.", Field);
    }

    private static SKImage? TryDecode(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        bitmap.SetImmutable();
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>Draws the picture upright at the given size over white, so transparency becomes white, not black.</summary>
    private static SKImage Draw(SKImage source, SKEncodedOrigin origin, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = swaps ? (h, w) : (w, h);
        canvas.Scale((float)width / uprightWidth, (float)height / uprightHeight);
        canvas.Concat(Upright(origin, w, h));
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(source, SKRect.Create(0, 0, w, h), Sampling, paint);
        canvas.Flush();
        return surface.Snapshot();
    }

    /// <summary>The EXIF orientation as a matrix from the stored pixels (w × h) to the upright picture.</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static byte[] Encode(SKImage image)
    {
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }
}
