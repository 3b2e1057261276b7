using CareStories.Data;
using Microsoft.Data.Sqlite;

namespace CareStories.Web.Infrastructure;

/// <summary>Where the embedded database and other local files live: App_Data under the app's folder by default.</summary>
public static class DatabasePaths
{
    /// <summary>
    /// The connection string from <c>ConnectionStrings:CareStories</c>. SQLite's has a default (App_Data/carestories.db)
    /// and a relative file is under the app's folder; PostgreSQL's must be given, as there is no server to assume.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString(CareStoriesDatabase.ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL but ConnectionStrings:CareStories is not set. Set it to the server's "
                    + "connection string, for example Host=127.0.0.1;Database=carestories;Username=carestories;Password=...")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/carestories.db");
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
