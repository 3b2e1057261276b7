using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// Where the keys that sign cookies and reset links are kept: in the database (the DataProtectionKeys table), so
/// every app instance over one database shares them and a cookie one instance issued is good at any other. Each key
/// is encrypted with the certificate at DataProtection:CertificatePath before it is written, so a copy of the
/// database (a backup, a replica) is not enough to forge a sign-in cookie. Outside Development the app refuses to
/// start without that certificate, unless DataProtection:AllowUnencryptedKeys says the operator accepts plain keys.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string AllowUnencryptedKeysKey = "DataProtection:AllowUnencryptedKeys";

    public static void AddCareStoriesDataProtection(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CareStories")
            .PersistKeysToDbContext<CareStoriesDbContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
            // Also registers the certificate for decrypting, so no machine certificate store is needed.
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(fullPath, configuration[CertificatePasswordKey]));
        }
        else if (!environment.IsDevelopment() && !configuration.GetValue(AllowUnencryptedKeysKey, false))
        {
            throw new InvalidOperationException(
                $"Set {CertificatePathKey} (and {CertificatePasswordKey}) to a PFX certificate that encrypts the keys " +
                $"signing cookies and reset links before they are stored in the database. To store them unencrypted " +
                $"anyway, set {AllowUnencryptedKeysKey} to true. README.md, \u201cSigning keys\u201d, says how.");
        }

        // An antiforgery cookie read in the last minute is not decrypted again (Identity/AntiforgeryCookieReads).
        if (configuration.GetValue("Antiforgery:RememberCookieReads", true))
        {
            Identity.AntiforgeryCookieReads.Register(services);
        }
    }

    /// <summary>One warning at start-up when an operator chose plain keys outside Development.</summary>
    public static void WarnIfKeysUnencrypted(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrEmpty(app.Configuration[CertificatePathKey]))
        {
            app.Logger.LogWarning(
                "The keys that sign cookies and reset links are stored in the database unencrypted ({Setting} is true): anyone with a copy of the database can forge sign-in cookies. Set {CertificateSetting} to encrypt them.",
                AllowUnencryptedKeysKey,
                CertificatePathKey);
        }
    }
}
