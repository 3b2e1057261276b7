using Microsoft.Data.Sqlite;

namespace CareStories.Web.Infrastructure;

/// <summary>Where the embedded database and other local files live: App_Data under the app's folder by default.</summary>
public static class DatabasePaths
{
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("CareStories")
            ?? "Data Source=App_Data/carestories.db";
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, source);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment, string name)
    {
        var root = configuration["DataFolder"] ?? "App_Data";
        var folder = Path.IsPathRooted(root) ? Path.Combine(root, name) : Path.Combine(environment.ContentRootPath, root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
