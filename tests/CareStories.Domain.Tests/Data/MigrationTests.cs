using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareStories.Domain.Tests.Data;

/// <summary>Databases made before featuring had its own table upgrade without losing what was featured.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Upgrading_moves_the_featured_stories_into_their_slots_newest_first()
    {
        await using var race = await RaceDatabase.CreateAsync("20261122165450_PhotoTakedowns");
        await using var db = race.Context();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u1', 'Ana', 0, 0, 0, 0, 0, 0);
            INSERT INTO "Stories" ("Id", "AuthorId", "Title", "Status", "CreatedAt", "UpdatedAt", "PublishedAt", "FeaturedAt", "FeaturedById", "SpendAmount", "SpendCurrency", "SpendPurpose")
            VALUES (1, 'u1', 'Older pin', 3, 0, 0, 10, 100, 'u1', 12.5, 'EUR', 'Flowers'),
                   (2, 'u1', 'Newer pin', 3, 0, 0, 10, 200, 'u1', NULL, NULL, NULL),
                   (3, 'u1', 'Not pinned', 3, 0, 0, 10, NULL, NULL, NULL, NULL, NULL);
            """);

        await db.GetService<IMigrator>().MigrateAsync();

        var featured = await db.FeaturedStories.OrderBy(f => f.Slot).Select(f => new { f.StoryId, f.Slot, f.FeaturedById }).ToListAsync();
        Assert.Equal([(2, 1), (1, 2)], featured.Select(f => (f.StoryId, f.Slot)));
        Assert.All(featured, f => Assert.Equal("u1", f.FeaturedById));
        var kept = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == 1);
        Assert.Equal(new CareStories.Domain.Stories.Spend(12.5m, "EUR", "Flowers"), kept.Spend);
        Assert.Null((await db.Stories.AsNoTracking().SingleAsync(s => s.Id == 3)).Spend);
    }

    [Fact]
    public async Task Upgrading_to_case_insensitive_names_keeps_every_name_and_the_search_index_in_step()
    {
        await using var race = await RaceDatabase.CreateAsync("20261202044441_Insights");
        await using var db = race.Context();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u1', 'Ana', 0, 0, 0, 0, 0, 0);
            INSERT INTO "Teams" ("Id", "Name", "Kind") VALUES (7, 'Équipe Nord', 0);
            INSERT INTO "Stories" ("Id", "AuthorId", "Title", "Status", "CreatedAt", "UpdatedAt", "PublishedAt")
            VALUES (1, 'u1', 'Found by its team', 3, 0, 0, 10);
            INSERT INTO "StoryTeam" ("StoryId", "TeamId") VALUES (1, 7);
            """);

        await db.GetService<IMigrator>().MigrateAsync();

        Assert.Equal("Équipe Nord", await db.Teams.Where(t => t.Id == 7).Select(t => t.Name).SingleAsync());
        // The rebuilt Teams table still tells the index when a team is renamed.
        await db.Teams.Where(t => t.Id == 7).ExecuteUpdateAsync(t => t.SetProperty(x => x.Name, "Équipe Sud"));
        Assert.Equal(1, await db.Database.SqlQuery<int>(
            $"""SELECT count(*) AS "Value" FROM "StorySearch" WHERE "StorySearch" MATCH 'teams: sud' AND rowid = 1""").SingleAsync());
        db.Teams.Add(new CareStories.Domain.People.Team("ÉQUIPE SUD", CareStories.Domain.People.TeamKind.CustomerFacing));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
