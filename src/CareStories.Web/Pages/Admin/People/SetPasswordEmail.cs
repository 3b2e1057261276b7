using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace CareStories.Web.Pages.Admin.People;

/// <summary>
/// The email that lets a person an administrator added choose their own password: a password-reset token,
/// Base64Url-encoded as Identity UI's own ResetPassword page expects it in "code".
/// </summary>
internal static class SetPasswordEmail
{
    public static async Task SendAsync(UserManager<Person> users, IEmailSender sender, IUrlHelper url, string scheme, Person person, string sentBy)
    {
        var token = await users.GeneratePasswordResetTokenAsync(person);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = url.Page("/Account/ResetPassword", pageHandler: null, values: new { area = "Identity", code }, protocol: scheme)
            ?? throw new InvalidOperationException("The Identity reset-password page is not mapped.");
        var html = HtmlEncoder.Default;
        await sender.SendEmailAsync(
            person.Email!,
            "Set your CareStories password",
            $"<p>Hello {html.Encode(person.DisplayName)},</p>" +
            $"<p>{html.Encode(sentBy)} has given you an account on CareStories, where we share the moments someone went the extra mile for a customer.</p>" +
            $"<p><a href=\"{html.Encode(link)}\">Choose your password</a>, then sign in with this email address ({html.Encode(person.Email!)}).</p>" +
            "<p>The link works once and for a limited time. If it has run out, use “Forgot your password?” on the sign-in page.</p>");
    }
}
