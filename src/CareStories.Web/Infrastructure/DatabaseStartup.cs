using CareStories.Data;
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
            await db.MigrateOneAtATimeAsync();
        }

        await Freshness.SqliteWriteAhead.UseWriteAheadLogAsync(db);

        await EnsureRolesAsync(services);
        if (app.Configuration.GetValue("Demo:Seed", false) && !await db.Users.AnyAsync())
        {
            logger.LogInformation("Empty database: writing the demo data.");
            await DemoData.SeedAsync(services);
        }
    }

    /// <summary>
    /// <c>dotnet CareStories.Web.dll migrate</c>: brings the database to the latest migration, makes sure the roles
    /// exist, and stops, for operators who migrate before starting instances with Database:MigrateOnStartup=false.
    /// Instances that migrate at start-up are safe too: one applies and the rest wait (MigrationGate).
    /// </summary>
    public static async Task MigrateAndExitAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.MigrateOneAtATimeAsync();
        await EnsureRolesAsync(scope.ServiceProvider);
        logger.LogWarning("Database migrated: {Count} migrations applied, {Latest} is the latest.", pending.Count, db.Database.GetMigrations().LastOrDefault());
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment created it first and the unique name refused this
                // one; anything else is a real failure. The refused row must not be saved again with the next role.
                services.GetRequiredService<CareStoriesDbContext>().ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }
    }
}
