using CareStories.Data;
using CareStories.Domain.Data;
using CareStories.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Data;

/// <summary>
/// One SQLite database built by the real migrations, shared in memory by as many DbContexts as a test opens: two
/// people deciding at once are two contexts that both loaded the same row before either saved.
/// </summary>
internal sealed class RaceDatabase : IAsyncDisposable
{
    private readonly string _connectionString = $"Data Source=file:race-{Guid.NewGuid():N}?mode=memory&cache=shared";

    // Keeps the shared in-memory database alive between the contexts.
    private readonly SqliteConnection _keepAlive;

    private RaceDatabase()
    {
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
    }

    public Person Author { get; } = new("author@race.test", "Ana Author", null, Now);

    public Person Sam { get; } = new("sam@race.test", "Sam Okafor", null, Now);

    public Person Lee { get; } = new("lee@race.test", "Lee Manager", null, Now);

    public Person Colleague { get; } = new("colleague@race.test", "Cole League", null, Now);

    public Team Team { get; } = new("Support", TeamKind.CustomerFacing);

    public static async Task<RaceDatabase> CreateAsync(string? migration = null)
    {
        var race = new RaceDatabase();
        await using var db = race.Context();
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migration);
        if (migration is null)
        {
            db.Users.AddRange(race.Author, race.Sam, race.Lee, race.Colleague);
            await db.SaveChangesAsync();
            race.Team.SetPeople([race.Author.Id, race.Colleague.Id], [race.Sam.Id, race.Lee.Id]);
            db.Teams.Add(race.Team);
            await db.SaveChangesAsync();
        }

        return race;
    }

    public CareStoriesDbContext Context() => CareStoriesDatabase.Create(DatabaseProvider.Sqlite, _connectionString);

    /// <summary>A story of the team's author, taken as far as <paramref name="status"/> and saved.</summary>
    public async Task<int> StoryAsync(StoryStatus status, string? title = null)
    {
        await using var db = Context();
        var story = new Story(Author.Id, Complete(title ?? $"Story {Guid.NewGuid():N}"), Now);
        story.SetTeams([Team.Id]);
        if (status != StoryStatus.Draft)
        {
            story.Submit(Author.Id, Now.AddMinutes(1));
        }

        if (status == StoryStatus.Published)
        {
            story.Publish(Lee.Id, Now.AddMinutes(2));
        }

        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return story.Id;
    }

    public static Task<Story> LoadStoryAsync(CareStoriesDbContext db, int id) =>
        db.Stories.Include(s => s.Heroes).Include(s => s.Teams).SingleAsync(s => s.Id == id);

    public ValueTask DisposeAsync() => _keepAlive.DisposeAsync();
}
