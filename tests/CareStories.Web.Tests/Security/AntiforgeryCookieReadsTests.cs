using System.Security.Cryptography;
using CareStories.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Security;

/// <summary>
/// An antiforgery cookie just decrypted is remembered for a minute by its exact bytes (Identity/AntiforgeryCookieReads):
/// form tokens and other purposes are decrypted every time, refused bytes stay refused, and a POST with a tampered
/// antiforgery cookie is refused even right after the real cookie was read.
/// </summary>
public sealed class AntiforgeryCookieReadsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public void A_cookie_token_is_decrypted_once_and_each_read_gets_its_own_copy()
    {
        var counting = new CountingProvider();
        using var reads = new AntiforgeryCookieReads(counting);
        var protector = reads.CreateProtector(AntiforgeryCookieReads.AntiforgeryPurpose);
        byte[] cookieToken = [1, .. RandomNumberGenerator.GetBytes(16), 1];
        var protectedBytes = protector.Protect(cookieToken);

        var first = protector.Unprotect(protectedBytes);
        first[5] ^= 0xFF;
        var second = protector.Unprotect(protectedBytes);

        Assert.Equal(cookieToken, second);
        Assert.NotSame(first, second);
        Assert.Equal(1, counting.Unprotects);
    }

    [Fact]
    public void Form_tokens_and_other_purposes_are_decrypted_every_time()
    {
        var counting = new CountingProvider();
        using var reads = new AntiforgeryCookieReads(counting);
        var antiforgery = reads.CreateProtector(AntiforgeryCookieReads.AntiforgeryPurpose);
        byte[] formToken = [1, .. RandomNumberGenerator.GetBytes(16), 0, 1, .. RandomNumberGenerator.GetBytes(32), 0];
        var protectedForm = antiforgery.Protect(formToken);
        var other = reads.CreateProtector("Something else");
        byte[] cookieShaped = [1, .. RandomNumberGenerator.GetBytes(16), 1];
        var protectedOther = other.Protect(cookieShaped);

        for (var read = 0; read < 3; read++)
        {
            Assert.Equal(formToken, antiforgery.Unprotect(protectedForm));
            Assert.Equal(cookieShaped, other.Unprotect(protectedOther));
        }

        Assert.Equal(6, counting.Unprotects);
    }

    [Fact]
    public void Bytes_the_inner_protector_refuses_are_refused_every_time()
    {
        using var reads = new AntiforgeryCookieReads(new CountingProvider());
        var protector = reads.CreateProtector(AntiforgeryCookieReads.AntiforgeryPurpose);
        var protectedBytes = protector.Protect([1, .. RandomNumberGenerator.GetBytes(16), 1]);
        protector.Unprotect(protectedBytes);
        var tampered = (byte[])protectedBytes.Clone();
        tampered[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
    }

    [Fact]
    public void The_app_reads_antiforgery_cookies_through_it()
    {
        Assert.IsType<AntiforgeryCookieReads>(factory.Services.GetRequiredService<IDataProtectionProvider>());
    }

    [Fact]
    public async Task A_post_with_a_tampered_antiforgery_cookie_is_refused_right_after_the_real_one_was_read()
    {
        var auth = await factory.SignInAndCopyAsync(await factory.Data.PersonAsync());
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var firstPage = await SendAsync(client, HttpMethod.Get, "/Stories", auth);
        var antiforgery = firstPage.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0])
            .Single(c => c.StartsWith("CareStories.Antiforgery=", StringComparison.Ordinal));
        var cookies = auth + "; " + antiforgery;
        // Read twice more with the cookie, so it is remembered.
        await SendAsync(client, HttpMethod.Get, "/Stories", cookies);
        var token = ReusedAntiforgeryTokenTests.TokenOf(await (await SendAsync(client, HttpMethod.Get, "/Stories", cookies)).ReadDocumentAsync());
        var value = antiforgery[(antiforgery.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var tampered = auth + "; CareStories.Antiforgery=" + value[..^3] + (value[^3] == 'A' ? 'B' : 'A') + value[^2..];

        var refused = await SendAsync(client, HttpMethod.Post, "/Identity/Account/Logout", tampered, token);
        var accepted = await SendAsync(client, HttpMethod.Post, "/Identity/Account/Logout", cookies, token);

        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        await accepted.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookies, string? token = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookies);
        if (token is not null)
        {
            request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Real data protection (ephemeral keys) that counts its decryptions.</summary>
    private sealed class CountingProvider : IDataProtectionProvider
    {
        private readonly EphemeralDataProtectionProvider _inner = new();

        public int Unprotects { get; private set; }

        public IDataProtector CreateProtector(string purpose) => new Counting(_inner.CreateProtector(purpose), this);

        private sealed class Counting(IDataProtector inner, CountingProvider owner) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), owner);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                owner.Unprotects++;
                return inner.Unprotect(protectedData);
            }
        }
    }
}
