using CareStories.Web.Photos;

// In the app's root namespace, like the other AddX extensions, so CareStoriesApp needs no using for it.
namespace CareStories.Web;

public static class PhotoServices
{
    /// <summary>
    /// The photo processor and the store chosen by <c>Photos:Store</c>: <c>FileSystem</c> (default, the folder
    /// <c>Photos:Folder</c> or App_Data/photos) or <c>Database</c>.
    /// </summary>
    public static IServiceCollection AddCareStoriesPhotos(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<PhotoProcessor>();
        var store = configuration["Photos:Store"] ?? "FileSystem";
        if (string.Equals(store, "Database", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<IPhotoStore, DatabasePhotoStore>();
        }
        else if (string.Equals(store, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            var configured = configuration["Photos:Folder"];
            var folder = string.IsNullOrWhiteSpace(configured)
                ? DatabasePaths.DataFolder(configuration, environment, "photos")
                : Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
            services.AddSingleton<IPhotoStore>(new FileSystemPhotoStore(folder));
        }
        else
        {
            throw new InvalidOperationException($"Photos:Store must be FileSystem or Database, not \u201c{store}\u201d.");
        }

        return services;
    }
}
