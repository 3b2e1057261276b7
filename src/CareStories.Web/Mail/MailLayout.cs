using System.Text;
using System.Text.Encodings.Web;

namespace CareStories.Web.Mail;

/// <summary>
/// The frame every message's HTML part shares: one column at most 600 px wide that shrinks to the phone's width,
/// 16 px type, links as large buttons. Mail clients ignore style sheets and scripts, so the styles are inline
/// (the app's content security policy is about pages, not mail).
/// </summary>
public static class MailLayout
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <param name="title">Plain text: the heading.</param>
    /// <param name="bodyHtml">Already-encoded HTML.</param>
    /// <param name="footerHtml">Already-encoded HTML: why the person gets this and how to stop it.</param>
    public static string Html(string title, string bodyHtml, string? footerHtml)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#212529;\">")
            .Append("<p style=\"margin:0 0 16px;font-weight:700;color:#0a58ca;\">CareStories</p>")
            .Append("<div style=\"background:#ffffff;border-radius:8px;padding:24px 20px;\">")
            .Append("<h1 style=\"font-size:22px;line-height:1.3;margin:0 0 16px;\">").Append(Encode(title)).Append("</h1>")
            .Append(bodyHtml)
            .Append("</div>");
        if (footerHtml is not null)
        {
            html.Append("<div style=\"font-size:14px;color:#495057;padding:16px 4px;\">").Append(footerHtml).Append("</div>");
        }

        return html.Append("</div></body></html>").ToString();
    }

    /// <summary>A link as a large tappable button.</summary>
    public static string Button(string text, string href) =>
        $"<p style=\"margin:24px 0 8px;\"><a href=\"{Encode(href)}\" style=\"display:inline-block;background:#0a58ca;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;\">{Encode(text)}</a></p>";

    public static string Paragraph(string text) => $"<p style=\"margin:0 0 12px;\">{Encode(text)}</p>";

    public static string Link(string text, string href) => $"<a href=\"{Encode(href)}\" style=\"color:#0a58ca;\">{Encode(text)}</a>";
}
