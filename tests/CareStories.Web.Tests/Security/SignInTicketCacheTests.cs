using System.Security.Claims;
using CareStories.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace CareStories.Web.Tests.Security;

/// <summary>
/// The sign-in cookie's ticket is remembered for a moment by its exact protected text (Identity/SignInTicketCache):
/// a cookie read once must still be refused when it is tampered with, expired, or its session ended, and two people's
/// cookies never give one the other's identity.
/// </summary>
public sealed class SignInTicketCacheTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_tampered_copy_of_a_cookie_just_read_is_refused()
    {
        var copy = await factory.SignInAndCopyAsync(await factory.Data.PersonAsync());
        await factory.GetWithCookieAsync("/Stories", copy).ShouldBeAsync(HttpStatusCode.OK);
        var last = copy[^2] == 'A' ? 'B' : 'A';
        var tampered = copy[..^2] + last + copy[^1];

        (await factory.GetWithCookieAsync("/Stories", tampered)).ShouldRedirectToSignIn();
        await factory.GetWithCookieAsync("/Stories", copy).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cookie_just_read_is_refused_once_it_has_expired()
    {
        var copy = await factory.SignInAndCopyAsync(await factory.Data.PersonAsync());
        await factory.GetWithCookieAsync("/Stories", copy).ShouldBeAsync(HttpStatusCode.OK);

        // Past the cookie's 14 days; the ticket is still in memory (it is kept by real time, for half a minute).
        factory.Clock.Advance(TimeSpan.FromDays(15));

        (await factory.GetWithCookieAsync("/Stories", copy)).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Two_people_taking_turns_each_see_only_themselves()
    {
        var ann = await factory.Data.PersonAsync();
        var bob = await factory.Data.PersonAsync();
        var annCookie = await factory.SignInAndCopyAsync(ann);
        var bobCookie = await factory.SignInAndCopyAsync(bob);

        for (var turn = 0; turn < 3; turn++)
        {
            Assert.Equal(ann.DisplayName, await AccountNameAsync(annCookie));
            Assert.Equal(bob.DisplayName, await AccountNameAsync(bobCookie));
        }
    }

    [Fact]
    public void Each_read_gets_its_own_copy_of_the_ticket()
    {
        using var cache = new SignInTicketCache(Format());
        var text = cache.Protect(Ticket("person-1"));

        var first = cache.Unprotect(text)!;
        first.Properties.Items["changed"] = "by the first request";
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by the first request"));
        var second = cache.Unprotect(text)!;

        Assert.NotSame(first, second);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.Equal("person-1", second.Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value);
    }

    [Fact]
    public void Text_the_inner_format_refuses_is_refused_every_time()
    {
        using var cache = new SignInTicketCache(Format());
        var text = cache.Protect(Ticket("person-1"));
        var tampered = text[..^3] + (text[^3] == 'A' ? 'B' : 'A') + text[^2..];

        Assert.Null(cache.Unprotect(tampered));
        Assert.Null(cache.Unprotect(tampered));
        Assert.Null(cache.Unprotect("not a ticket"));
        Assert.NotNull(cache.Unprotect(text));
    }

    private static TicketDataFormat Format() =>
        new(new EphemeralDataProtectionProvider().CreateProtector("SignInTicketCacheTests"));

    private static AuthenticationTicket Ticket(string personId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, personId)], "Test")), new AuthenticationProperties(), "Identity.Application");

    private async Task<string?> AccountNameAsync(string cookie)
    {
        var page = await (await factory.GetWithCookieAsync("/Stories", cookie)).ReadDocumentAsync();
        return page.QuerySelector("#main-nav .account-name")?.TextContent.Trim();
    }
}
