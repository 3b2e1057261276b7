using System.Net;
using System.Text.RegularExpressions;
using CareStories.Domain.Delivery;
using CareStories.Web.Delivery;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CareStories.Web.Mail;

/// <summary>
/// What the account pages hand mail to (confirmation, password reset, set-password): it is written to the
/// persistent outbox in a scope of its own and the request goes on at once. A page that mails only when an address
/// has an account (forgot password, registering a taken address) so answers in the same time whatever the address,
/// a slow mail server never holds a person's page, and a message not yet sent when the app stops goes out after the
/// next start.
/// </summary>
public sealed partial class OutboxEmailSender(IServiceScopeFactory scopes, TimeProvider clock, DeliveryNudge nudge) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var normalized = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.ILookupNormalizer>().NormalizeEmail(email);
        var personId = await db.Users.AsNoTracking().Where(p => p.NormalizedEmail == normalized).Select(p => p.Id).FirstOrDefaultAsync();
        var html = MailLayout.Html(subject, htmlMessage, footerHtml: null);
        db.OutgoingMails.Add(new OutgoingMail(MailCategory.Account, email, personId, subject, html, PlainText(htmlMessage), clock.GetUtcNow()));
        await db.SaveChangesAsync();
        nudge.Signal();
    }

    /// <summary>The framework's HTML message as plain text: each link written out after its words, tags dropped.</summary>
    public static string PlainText(string html)
    {
        var text = Link().Replace(html, match => $"{match.Groups["text"].Value}: {WebUtility.HtmlDecode(match.Groups["href"].Value)}");
        return WebUtility.HtmlDecode(Tag().Replace(text, "")).Trim();
    }

    [GeneratedRegex("<a\\s[^>]*href\\s*=\\s*['\"](?<href>[^'\"]*)['\"][^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
