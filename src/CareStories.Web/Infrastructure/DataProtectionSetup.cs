using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// Where the keys that sign cookies and reset links are kept. They are files under the data folder; with
/// DataProtection:CertificatePath set, each key is encrypted with that certificate before it is written, so a copy
/// of the folder (a backup, a shared disk) is not enough to forge a sign-in cookie.
/// </summary>
public static class DataProtectionSetup
{
    public static void AddCareStoriesDataProtection(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var keysFolder = DatabasePaths.DataFolder(configuration, environment, "keys");
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CareStories")
            .PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(fullPath, configuration["DataProtection:CertificatePassword"]));
        }
    }
}
