using QRCoder;

namespace CareStories.Web.Pages.Thanks;

/// <summary>The link's QR code as a PNG, only for people who may manage the link.</summary>
public sealed class QrModel(LinkGate gate) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (denied, link) = await gate.CheckAsync(this, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Url.PublicLink(link!.Token), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(png, "image/png");
    }
}
