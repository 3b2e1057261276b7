using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Tests.Security;

/// <summary>An app host whose signing keys are encrypted with a certificate of its own, made for the test.</summary>
public sealed class CertificateKeysFactory : CareStoriesFactory
{
    public const string CertificatePassword = "a test certificate password";

    public CertificateKeysFactory()
    {
        CertificatePath = Path.Combine(TempFolder, "keys.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CareStories test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public string CertificatePath { get; }

    public IReadOnlyDictionary<string, string?> KeySettings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = CertificatePassword,
        ["DataProtection:AllowUnencryptedKeys"] = "false",
    };

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => KeySettings;
}

public sealed class DataProtectionKeyTests(CertificateKeysFactory factory) : IClassFixture<CertificateKeysFactory>
{
    [Fact]
    public async Task Signing_keys_are_stored_in_the_database_encrypted_with_the_certificate()
    {
        await factory.SignInAsync(await factory.Data.PersonAsync());

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.Empty(Directory.Exists(Path.Combine(factory.TempFolder, "keys")) ? Directory.GetFiles(Path.Combine(factory.TempFolder, "keys")) : []);
    }

    [Fact]
    public async Task A_cookie_one_app_host_issued_is_accepted_by_a_second_host_over_the_same_database()
    {
        var person = await factory.Data.PersonAsync();
        var cookie = await factory.SignInAndCopyAsync(person);
        using var second = new SecondHost(factory);

        var response = await second.GetWithCookieAsync("/Stories", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Outside_development_the_app_refuses_to_start_without_a_key_encryption_certificate()
    {
        using var production = new ProductionWithoutCertificate();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("DataProtection:AllowUnencryptedKeys", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_unencrypted_keys_outside_development_is_said_once_in_the_log()
    {
        using var plain = new CapturedLogFactory();
        var client = plain.CreateBrowserClient();
        await client.GetAsync("/Identity/Account/Login");
        await client.GetAsync("/Identity/Account/Login");

        var warnings = plain.Log.Text.Split("stored in the database unencrypted").Length - 1;

        Assert.Equal(1, warnings);
    }

    /// <summary>Another instance of the app: its own process state and folders, the first one's database and certificate.</summary>
    private sealed class SecondHost(CertificateKeysFactory first) : CareStoriesFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(first.KeySettings) { ["ConnectionStrings:CareStories"] = first.ConnectionString };
    }

    private sealed class ProductionWithoutCertificate : CareStoriesFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = "https://stories.example.com",
            ["DataProtection:AllowUnencryptedKeys"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
