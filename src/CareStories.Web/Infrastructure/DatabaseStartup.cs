using CareStories.Web.Demo;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the database up to the latest migration, makes sure the roles exist, and on an empty database
    /// with Demo:Seed on, writes the demo people, teams and stories. Demo:Reset starts from an empty database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CareStoriesDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (app.Configuration.GetValue("Demo:Reset", false))
        {
            logger.LogWarning("Demo:Reset is on: deleting the database and starting again.");
            await db.Database.EnsureDeletedAsync();
        }

        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await db.Database.MigrateAsync();
        }

        await Freshness.SqliteWriteAhead.UseWriteAheadLogAsync(db);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (app.Configuration.GetValue("Demo:Seed", false) && !await db.Users.AnyAsync())
        {
            logger.LogInformation("Empty database: writing the demo data.");
            await DemoData.SeedAsync(services);
        }
    }
}
