using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CareStories.Domain.Freshness;

/// <summary>
/// A stamp per story beside the shared one, so a story's page is rebuilt only when something it shows changed: an
/// applause on story A renews A's stamp (and the shared one, since the feed's cards count applause), not B's. They
/// are rows of <see cref="ChangeStamp"/> too: story <c>n</c>'s is row <c>-n</c>, and row <see cref="OtherContentId"/>
/// is renewed by every shown change that is not about particular stories (a person's name, a team, a badge, which
/// stories are featured), which any story page may show. A story page is keyed by both. The rows are written by an
/// upsert in the same transaction as the change (a story's row is made by its first change), and a row not there
/// yet reads as 0.
/// </summary>
public static class StoryStamps
{
    /// <summary>The row renewed by shown changes that are not about particular stories.</summary>
    public const int OtherContentId = 2;

    // Shown on other stories' pages although their rows name one story: the page says how many stories are featured,
    // and a fix on a story's page says how many stories it came from. Both change rarely, so every story page is read
    // again. (A story that repeats another shows the other's title and fixes: that part stays under the shared stamp.)
    private static readonly HashSet<Type> OnEveryStoryPage = [typeof(Stories.FeaturedStory), typeof(Fixes.FixStory)];

    /// <summary>The row of <paramref name="storyId"/>'s stamp.</summary>
    public static int IdOf(int storyId) => -storyId;

    /// <summary>
    /// The stamp rows this save must renew, worked out before it (keys of rows being added are not known yet, and
    /// nobody can have cached the page of a story not saved yet): the rows of the stories whose own rows change, and
    /// <see cref="OtherContentId"/> for any other shown change.
    /// </summary>
    public static IReadOnlyList<int> ToRenew(CareStoriesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries().Where(ChangeStamping.ChangesSharedContent))
        {
            var stories = StoriesOf(entry);
            if (stories is null || OnEveryStoryPage.Contains(entry.Metadata.ClrType))
            {
                rows.Add(OtherContentId);
            }
            else
            {
                rows.UnionWith(stories.Select(IdOf));
            }
        }

        return [.. rows];
    }

    /// <summary>Gives each row a new value, adding the rows not there yet; call it inside the save's transaction.</summary>
    public static async Task RenewAsync(CareStoriesDbContext db, IReadOnlyList<int> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rows.Count > 0)
        {
            var (sql, parameters) = Upsert(rows);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    /// <summary>The same, for the synchronous save (tools, seeding).</summary>
    public static void Renew(CareStoriesDbContext db, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rows.Count > 0)
        {
            var (sql, parameters) = Upsert(rows);
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    // The same statement on SQLite (3.24 and later) and PostgreSQL; a blind write, as the shared stamp's is.
    private static (string Sql, object[] Parameters) Upsert(IReadOnlyList<int> rows)
    {
        var values = string.Join(", ", rows.Select((_, i) => $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
        var parameters = rows.SelectMany(row => new object[] { row, ChangeStamp.NewValue() }).ToArray();
        return ($"INSERT INTO \"ChangeStamps\" (\"Id\", \"Value\") VALUES {values} ON CONFLICT (\"Id\") DO UPDATE SET \"Value\" = excluded.\"Value\"", parameters);
    }

    /// <summary>The stories a changed row belongs to (itself, or through its keys to stories); null when none.</summary>
    private static List<int>? StoriesOf(EntityEntry entry)
    {
        if (entry.Entity is Stories.Story)
        {
            var key = entry.Property(nameof(Stories.Story.Id));
            return key.IsTemporary ? [] : [(int)key.CurrentValue!];
        }

        List<int>? stories = null;
        foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(Stories.Story)))
        {
            stories ??= [];
            var property = entry.Property(foreignKey.Properties[0].Name);
            if (!property.IsTemporary && property.CurrentValue is int current)
            {
                stories.Add(current);
            }

            // A row moved from one story to another changes both pages.
            if (entry.State == EntityState.Modified && property.OriginalValue is int original && original != (property.CurrentValue as int?))
            {
                stories.Add(original);
            }
        }

        return stories;
    }
}
