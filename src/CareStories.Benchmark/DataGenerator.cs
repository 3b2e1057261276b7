using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CareStories.Data;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Events;
using CareStories.Domain.People;
using CareStories.Domain.Permission;
using CareStories.Domain.Stories;
using CareStories.Domain.Thanks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareStories.Benchmark;

/// <summary>What was written, and who the benchmark signs in as.</summary>
public sealed record GeneratedData(
    int Stories,
    int Published,
    int People,
    int Teams,
    long Rows,
    TimeSpan Took,
    string SignInEmail,
    string Password);

/// <summary>
/// Fills an empty database through the domain's own constructors and methods, so every row is one the app could
/// have written. One seeded random generator and a given "now" make the same data set for the same sizes on every
/// machine. Written fast: stories carry ids chosen here (so celebrations, fixes and thank-yous can name them in the
/// same batch), each batch of thousands is written by prepared INSERTs built from the EF model
/// (<see cref="AggregateRowWriter"/>; binary COPY on PostgreSQL) instead of <c>SaveChanges</c>, and indexes and triggers
/// are off while the rows go in (<see cref="SqliteBulkLoad"/>, <see cref="PostgresBulkLoad"/>). Both providers get the
/// same rows from the same seed: nothing the database hands back (ids included) feeds the random generator.
/// </summary>
public sealed partial class DataGenerator(string connectionString, int storyCount, int peopleCount, DateTimeOffset? now = null) : IAsyncDisposable
{
    public const string Domain = "bench.carestories.example";
    public const string Password = "CareStories-bench-2026";
    public const string ReaderEmail = "reader@" + Domain;
    public const int TeamCount = 25;

    /// <summary>Stories per transaction: large enough that committing costs nothing, small enough for memory.</summary>
    private const int BatchSize = 5_000;

    private readonly Random _random = new(2026);

    // Whole seconds, as a clock a person reads: the same "now" gives the same data to the tick.
    private readonly DateTimeOffset _now = now ?? new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
    private DbConnection? _connection;

    /// <summary>The database <paramref name="connectionString"/> names: an SQLite file, or an existing empty PostgreSQL database.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Progress lines; the tests silence them.</summary>
    public TextWriter Log { get; init; } = Console.Out;

    public async Task<GeneratedData> GenerateAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _connection = Provider == DatabaseProvider.PostgreSQL ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Log.WriteLine($"  migrations applied ({clock.Elapsed.TotalSeconds:N1} s)");
        IBulkLoad bulk = _connection is NpgsqlConnection npgsql
            ? await PostgresBulkLoad.BeginAsync(npgsql, cancellationToken)
            : await SqliteBulkLoad.BeginAsync(_connection, cancellationToken);
        var people = await WritePeopleAsync(cancellationToken);
        var catalogue = await WriteCatalogueAsync(people, cancellationToken);
        Log.WriteLine($"  people, teams, catalogue and limits written; {bulk.Suspended} indexes and triggers off for the fill ({clock.Elapsed.TotalSeconds:N1} s)");
        var (published, rows) = await WriteStoriesAsync(people, catalogue, cancellationToken);
        // The story-team links were written without a save, so they get their teams' kinds in one statement, while
        // the indexes and triggers are still off.
        await using (var kinds = _connection.CreateCommand())
        {
            kinds.CommandText = StoryTeamKinds.Fill;
            await kinds.ExecuteNonQueryAsync(cancellationToken);
        }

        var indexing = Stopwatch.StartNew();
        await bulk.EndAsync(cancellationToken);
        Log.WriteLine($"  indexes, triggers and the search index rebuilt ({indexing.Elapsed.TotalSeconds:N1} s)");
        await FeatureAsync(people, cancellationToken);
        await _connection.CloseAsync();
        return new GeneratedData(storyCount, published, peopleCount, TeamCount, rows + peopleCount, clock.Elapsed, ReaderEmail, Password);
    }

    /// <summary>The story's key, set the way EF Core sets it on load (the setter is private to the domain).</summary>
    private static readonly Action<Story, int> SetStoryId =
        typeof(Story).GetProperty(nameof(Story.Id))!.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<Story, int>>();

    private CareStoriesDbContext NewContext()
    {
        var connection = _connection ?? throw new InvalidOperationException("Generation has not started.");
        var db = Provider == DatabaseProvider.PostgreSQL
            ? CareStoriesDatabase.Create(Provider, connectionString)
            : CareStoriesDatabase.Create(connection);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    /// <summary>
    /// Saves what the context tracks without the notifications its domain events would cause: nobody is told today
    /// about a story published three years ago, and the app's delivery workers would otherwise mail them all.
    /// </summary>
    private static async Task SaveHistoryAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>())
        {
            entry.Entity.ClearDomainEvents();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record People(
        IReadOnlyList<Person> Everyone,
        IReadOnlyList<Person> Celebrators,
        IReadOnlyList<List<string>> TeamMembers,
        IReadOnlyList<List<string>> FormerTeamMembers,
        IReadOnlyList<string> Reviewers,
        string LeaderId,
        DateTimeOffset TeamsChangedAt)
    {
        /// <summary>The people who wrote for a team at a moment: before the reshuffle, those who have moved on since.</summary>
        public List<string> MembersAt(int teamIndex, DateTimeOffset at) =>
            at < TeamsChangedAt ? FormerTeamMembers[teamIndex] : TeamMembers[teamIndex];
    }

    private sealed record Catalogue(
        IReadOnlyList<int> TeamIds, IReadOnlyList<int> ValueIds, IReadOnlyList<Badge> Badges, EmpowermentLimits Limits,
        IReadOnlyDictionary<string, ThankYouLink> ThankYouLinks);

    private string NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private async Task<People> WritePeopleAsync(CancellationToken cancellationToken)
    {
        // Hashing a password takes a tenth of a second on purpose; everyone shares one hash so a thousand people
        // take no longer than one.
        var hash = new PasswordHasher<Person>().HashPassword(new Person(), Password);
        var everyone = new List<Person>(peopleCount);
        for (var i = 0; i < peopleCount; i++)
        {
            var email = i == 0 ? ReaderEmail : string.Create(CultureInfo.InvariantCulture, $"person{i:0000}@{Domain}");
            var name = i == 0 ? "Riley Reader" : $"{WordLists.FirstNames[i % WordLists.FirstNames.Length]} {WordLists.LastNames[(i / WordLists.FirstNames.Length) % WordLists.LastNames.Length]} {i}";
            var person = new Person(email, name, WordLists.JobTitles[i % WordLists.JobTitles.Length], _now.AddYears(-4))
            {
                Id = NextId(),
                SecurityStamp = NextId(),
                ConcurrencyStamp = NextId(),
                NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                PasswordHash = hash,
            };
            everyone.Add(person);
        }

        // Person 0 reads the feed as an employee; two managers per team, ten leaders and three admins.
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { Id = NextId(), NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = NextId() });
        var userRoles = new List<IdentityUserRole<string>>();
        void Grant(Person person, string role) => userRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roles[role].Id });
        var managers = new List<Person>();
        var leaders = new List<Person>();
        for (var i = 0; i < everyone.Count; i++)
        {
            Grant(everyone[i], Roles.Employee);
            if (i is > 0 and <= TeamCount * 2)
            {
                Grant(everyone[i], Roles.Manager);
                managers.Add(everyone[i]);
            }
            else if (i > TeamCount * 2 && i <= (TeamCount * 2) + 10)
            {
                Grant(everyone[i], Roles.Leader);
                leaders.Add(everyone[i]);
            }
            else if (i > (TeamCount * 2) + 10 && i <= (TeamCount * 2) + 13)
            {
                Grant(everyone[i], Roles.Admin);
            }
        }

        await using var db = NewContext();
        db.Roles.AddRange(roles.Values);
        db.Users.AddRange(everyone);
        db.UserRoles.AddRange(userRoles);
        await db.SaveChangesAsync(cancellationToken);

        // Team t gets managers 2t+1 and 2t+2 and everyone else whose number falls to it: about 40 people a team.
        // The reader is in the first team. One person in twenty moved team half a year ago: their older stories
        // name the team they wrote them in, which Insights must count for that team, not their new one.
        var teamMembers = Enumerable.Range(0, TeamCount).Select(_ => new List<string>()).ToList();
        var formerMembers = Enumerable.Range(0, TeamCount).Select(_ => new List<string>()).ToList();
        teamMembers[0].Add(everyone[0].Id);
        formerMembers[0].Add(everyone[0].Id);
        for (var i = (TeamCount * 2) + 1; i < everyone.Count; i++)
        {
            teamMembers[i % TeamCount].Add(everyone[i].Id);
            formerMembers[(i % 20 == 7 ? i + 3 : i) % TeamCount].Add(everyone[i].Id);
        }

        return new People(everyone, managers.Concat(leaders).ToList(), teamMembers, formerMembers,
            managers.Select(m => m.Id).ToList(), leaders[0].Id, _now.AddDays(-182));
    }

    private async Task<Catalogue> WriteCatalogueAsync(People people, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var teams = new List<Team>();
        for (var t = 0; t < TeamCount; t++)
        {
            var kind = t % 5 < 3 ? TeamKind.CustomerFacing : TeamKind.BehindTheScenes;
            var team = new Team($"{WordLists.TeamNames[t % WordLists.TeamNames.Length]} {(t / WordLists.TeamNames.Length) + 1}", kind, "A generated team for the benchmark.");
            var managerIds = new[] { people.Reviewers[2 * t], people.Reviewers[(2 * t) + 1] };
            team.SetPeople(people.TeamMembers[t], managerIds);
            teams.Add(team);
        }

        var values = WordLists.ValueNames.Select(v => new CareValue(v, "A value from the generated catalogue.")).ToList();
        var badges = WordLists.BadgeNames.Select((b, i) => new Badge(b, "A badge from the generated catalogue.", (BadgeColour)(i % 7))).ToList();
        db.Teams.AddRange(teams);
        db.Values.AddRange(values);
        db.Badges.AddRange(badges);
        await db.SaveChangesAsync(cancellationToken);

        // Anyone may spend up to EUR 150 on one customer without sign-off; the billing teams up to EUR 400.
        var admin = people.Everyone[(TeamCount * 2) + 11].Id;
        var limits = new EmpowermentLimits();
        limits.SetCompanyLimit(CompanyLimit, "EUR", null, admin, _now.AddYears(-4));
        foreach (var team in teams.Where(t => t.Name.StartsWith("Billing", StringComparison.Ordinal)))
        {
            limits.SetTeamLimit(team.Id, BillingLimit, admin, _now.AddYears(-4));
        }

        db.EmpowermentLimits.Add(limits);

        // One person in four hands customers a thank-you link, opened four years ago and never closed.
        var links = new Dictionary<string, ThankYouLink>(StringComparer.Ordinal);
        for (var i = (TeamCount * 2) + 1; i < people.Everyone.Count; i += 4)
        {
            var team = i % TeamCount;
            links[people.Everyone[i].Id] = ThankYouLink.ForPerson(people.Everyone[i].Id, people.Reviewers[2 * team], "On my email signature", null, _now.AddYears(-4));
        }

        db.ThankYouLinks.AddRange(links.Values);
        await SaveHistoryAsync(db, cancellationToken);
        return new Catalogue(teams.Select(t => t.Id).ToList(), values.Select(v => v.Id).ToList(), badges, limits, links);
    }

    private async Task<(int Published, long Rows)> WriteStoriesAsync(People people, Catalogue catalogue, CancellationToken cancellationToken)
    {
        // Stories happen over three years up to five days ago: what follows a story (applause, a thank-you, a fix
        // proposed) comes up to four days after it, and nothing may happen after "now". About a quarter share their
        // moment with the one before (a reviewer publishing a batch at once): the feed pages by (PublishedAt, Id) and
        // must not skip or repeat those. The moment follows the story's place in the run, not the number of steps
        // taken, so the newest stories land five days ago whatever the ties (counting steps left them nine months
        // before "now", and every "last 30 days" figure empty).
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(3 * 365).Ticks / Math.Max(1, storyCount));
        var start = _now.AddDays(-5).AddTicks(-step.Ticks * storyCount);
        start = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var at = start;
        var published = 0;
        var clock = Stopwatch.StartNew();
        await using var db = NewContext();
        using var writer = new AggregateRowWriter(_connection!, db.Model);
        var added = new List<object>();
        for (var i = 0; i < storyCount; i++)
        {
            if (i == 0 || _random.NextDouble() < 0.75)
            {
                at = start.AddTicks(step.Ticks * (i + 1));
            }

            var story = NewStory(people, catalogue, at, out var teamIndex);

            // The story's id is chosen here, as the database would (one more than the last), so what hangs off
            // it can name it before it is written.
            SetStoryId(story, i + 1);
            AddCare(added, story, people, catalogue, teamIndex);
            await writer.AddAsync(story, cancellationToken);
            if (story.Status == StoryStatus.Published)
            {
                published++;
                Recognise(added, story, people, catalogue, story.PublishedAt!.Value);
            }

            foreach (var entity in added)
            {
                await writer.AddAsync(entity, cancellationToken);
            }

            added.Clear();
            if ((i + 1) % BatchSize == 0 || i == storyCount - 1)
            {
                await writer.FlushAsync(cancellationToken);
                if ((i + 1) % 50_000 == 0 || i == storyCount - 1)
                {
                    Log.WriteLine($"  {i + 1:N0} stories written ({clock.Elapsed.TotalSeconds:N1} s)");
                }
            }
        }

        return (published, writer.RowsWritten);
    }

    /// <summary>A leader pins three recent published stories, as the feed shows featured ones above the rest.</summary>
    private async Task FeatureAsync(People people, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var recent = await db.Stories
            .Where(s => s.Status == StoryStatus.Published)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip(50).Take(FeaturedStory.MaxFeatured)
            .Include(s => s.Heroes)
            .ToListAsync(cancellationToken);
        var featured = new List<FeaturedStory>();
        for (var i = 0; i < recent.Count; i++)
        {
            featured.Add(FeaturedStory.Feature(recent[i].Facts(), people.LeaderId, featured, _now.AddMinutes(-i)));
        }

        db.FeaturedStories.AddRange(featured);
        await SaveHistoryAsync(db, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
