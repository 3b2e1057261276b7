using CareStories.Data;
using System.Diagnostics;
using System.Globalization;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
/// have written. One seeded random generator makes the same data set for the same sizes on every machine.
/// </summary>
public sealed class DataGenerator(string connectionString, int storyCount, int peopleCount) : IAsyncDisposable
{
    public const string Domain = "bench.carestories.example";
    public const string Password = "CareStories-bench-2026";
    public const string ReaderEmail = "reader@" + Domain;
    private const int BatchSize = 2_000;
    private const int TeamCount = 25;

    private readonly Random _random = new(2026);
    private SqliteConnection? _connection;

    public async Task<GeneratedData> GenerateAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;

        // One connection for the whole fill, without waiting for the disk after every batch: if the machine
        // fails half-way the benchmark starts again from nothing anyway. The app opens the file normally.
        _connection = new SqliteConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        await using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Console.WriteLine($"  migrations applied ({clock.Elapsed.TotalSeconds:N1} s)");
        var people = await WritePeopleAsync(now, cancellationToken);
        var catalogue = await WriteCatalogueAsync(people, cancellationToken);
        Console.WriteLine($"  people, teams and catalogue written ({clock.Elapsed.TotalSeconds:N1} s)");
        var (published, rows) = await WriteStoriesAsync(people, catalogue, now, cancellationToken);
        await FeatureAsync(people, now, cancellationToken);
        await _connection.CloseAsync();
        return new GeneratedData(storyCount, published, peopleCount, TeamCount, rows + peopleCount, clock.Elapsed, ReaderEmail, Password);
    }

    private CareStoriesDbContext NewContext()
    {
        var db = CareStoriesDatabase.Create(_connection ?? throw new InvalidOperationException("Generation has not started."));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private sealed record People(
        IReadOnlyList<Person> Everyone,
        IReadOnlyList<Person> Celebrators,
        IReadOnlyList<List<string>> TeamMembers,
        IReadOnlyList<string> Reviewers,
        string LeaderId);

    private sealed record Catalogue(IReadOnlyList<int> TeamIds, IReadOnlyList<int> ValueIds, IReadOnlyList<Badge> Badges);

    private async Task<People> WritePeopleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Hashing a password takes a tenth of a second on purpose; everyone shares one hash so a thousand people
        // take no longer than one.
        var hash = new PasswordHasher<Person>().HashPassword(new Person(), Password);
        var everyone = new List<Person>(peopleCount);
        for (var i = 0; i < peopleCount; i++)
        {
            var email = i == 0 ? ReaderEmail : string.Create(CultureInfo.InvariantCulture, $"person{i:0000}@{Domain}");
            var name = i == 0 ? "Riley Reader" : $"{WordLists.FirstNames[i % WordLists.FirstNames.Length]} {WordLists.LastNames[(i / WordLists.FirstNames.Length) % WordLists.LastNames.Length]} {i}";
            var person = new Person(email, name, WordLists.JobTitles[i % WordLists.JobTitles.Length], now.AddYears(-4))
            {
                NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                PasswordHash = hash,
            };
            everyone.Add(person);
        }

        // Person 0 reads the feed as an employee; two managers per team, ten leaders and three admins.
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
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
        // The reader is in the first team.
        var teamMembers = Enumerable.Range(0, TeamCount).Select(_ => new List<string>()).ToList();
        teamMembers[0].Add(everyone[0].Id);
        for (var i = (TeamCount * 2) + 1; i < everyone.Count; i++)
        {
            teamMembers[i % TeamCount].Add(everyone[i].Id);
        }

        return new People(everyone, managers.Concat(leaders).ToList(), teamMembers, managers.Select(m => m.Id).ToList(), leaders[0].Id);
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
        return new Catalogue(teams.Select(t => t.Id).ToList(), values.Select(v => v.Id).ToList(), badges);
    }

    private async Task<(int Published, long Rows)> WriteStoriesAsync(
        People people, Catalogue catalogue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Stories happen over three years up to an hour ago. About a quarter share their moment with the one before
        // (a reviewer publishing a batch at once): the feed pages by (PublishedAt, Id) and must not skip or repeat those.
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(3 * 365).Ticks / Math.Max(1, storyCount));
        var start = now.AddHours(-1).AddTicks(-step.Ticks * storyCount);
        start = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var at = start;
        var published = 0;
        long rows = 0;
        var clock = Stopwatch.StartNew();
        var batch = new List<Story>(BatchSize);
        for (var i = 0; i < storyCount; i++)
        {
            if (i == 0 || _random.NextDouble() < 0.75)
            {
                at += step;
            }

            var story = NewStory(people, catalogue, at, out var isPublished);
            published += isPublished ? 1 : 0;
            rows += 1 + story.Heroes.Count + story.Teams.Count + story.Values.Count + story.Quotes.Count + story.History.Count;
            batch.Add(story);
            if (batch.Count == BatchSize || i == storyCount - 1)
            {
                await using var db = NewContext();
                db.Stories.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);

                // Celebrations, applause and comments are their own aggregates, keyed by the saved stories' ids.
                foreach (var saved in batch.Where(s => s.Status == StoryStatus.Published))
                {
                    rows += Recognise(db, saved, people, catalogue, saved.PublishedAt!.Value);
                }

                await db.SaveChangesAsync(cancellationToken);
                batch.Clear();
                if ((i + 1) % 10_000 == 0 || i == storyCount - 1)
                {
                    Console.WriteLine($"  {i + 1:N0} stories written ({clock.Elapsed.TotalSeconds:N1} s)");
                }
            }
        }

        return (published, rows);
    }

    private Story NewStory(People people, Catalogue catalogue, DateTimeOffset at, out bool isPublished)
    {
        var teamIndex = _random.Next(catalogue.TeamIds.Count);
        var members = people.TeamMembers[teamIndex];
        var author = members[_random.Next(members.Count)];
        var created = at.AddDays(-2);
        var occurred = DateOnly.FromDateTime(created.UtcDateTime.AddDays(-_random.Next(1, 10)));
        var title = $"{WordLists.TitleStarts[_random.Next(WordLists.TitleStarts.Length)]} {WordLists.TitleEnds[_random.Next(WordLists.TitleEnds.Length)]}";
        var hasSpend = _random.NextDouble() < 0.2;
        var content = new StoryContent(
            title,
            occurred,
            // A place name in every story: words each found in a few hundred stories, as real text has (search measures them).
            $"{WordLists.Situations[_random.Next(WordLists.Situations.Length)]} It happened near {WordLists.Town(_random.Next(WordLists.TownCount))}.",
            WordLists.Actions[_random.Next(WordLists.Actions.Length)],
            _random.NextDouble() < 0.5 ? WordLists.Preventions[_random.Next(WordLists.Preventions.Length)] : null,
            WordLists.Outcomes[_random.Next(WordLists.Outcomes.Length)],
            hasSpend ? _random.Next(5, 250) : null,
            hasSpend ? "EUR" : null,
            hasSpend ? "A courier and a replacement part" : null);
        var story = new Story(author, content, created);

        var heroes = new List<string> { author };
        for (var h = _random.Next(3); h > 0; h--)
        {
            heroes.Add(members[_random.Next(members.Count)]);
        }

        story.SetHeroes(heroes);
        var teams = new List<int> { catalogue.TeamIds[teamIndex] };
        if (_random.NextDouble() < 0.25)
        {
            teams.Add(catalogue.TeamIds[_random.Next(catalogue.TeamIds.Count)]);
        }

        story.SetTeams(teams);
        story.SetValues(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => catalogue.ValueIds[_random.Next(catalogue.ValueIds.Count)]).ToList());
        if (_random.NextDouble() < 0.6)
        {
            story.AddQuote(new QuoteDetails(
                WordLists.QuoteTexts[_random.Next(WordLists.QuoteTexts.Length)], (QuoteSource)_random.Next(6), occurred,
                (CustomerNaming)_random.Next(3), "Alex Morgan"), created);
        }

        // Most stories are published; the rest are spread over every other status.
        var roll = _random.NextDouble();
        isPublished = roll >= 0.10;
        if (roll < 0.03)
        {
            return story;
        }

        var reviewer = Reviewer(people, teamIndex, heroes);
        story.Submit(author, at.AddDays(-1));
        if (roll < 0.07)
        {
            return story;
        }

        if (roll < 0.09)
        {
            story.RequestChanges(reviewer, "Please add what the customer said afterwards.", at);
            return story;
        }

        story.Publish(reviewer, at);
        if (roll < 0.10)
        {
            story.Withdraw(author, at.AddHours(1));
            return story;
        }

        return story;
    }

    private static string Reviewer(People people, int teamIndex, List<string> heroes)
    {
        var first = people.Reviewers[2 * teamIndex];
        return heroes.Contains(first) ? people.Reviewers[(2 * teamIndex) + 1] : first;
    }

    /// <summary>A fifth of published stories are celebrated, most are applauded, a third have comments.</summary>
    private int Recognise(CareStoriesDbContext db, Story story, People people, Catalogue catalogue, DateTimeOffset at)
    {
        var facts = story.Facts();
        var involved = facts.HeroIds.Append(facts.AuthorId).ToHashSet(StringComparer.Ordinal);
        var rows = 0;
        if (_random.NextDouble() < 0.2)
        {
            var celebrated = new HashSet<string>(StringComparer.Ordinal);
            for (var c = _random.Next(1, 3); c > 0; c--)
            {
                var celebrator = people.Celebrators[_random.Next(people.Celebrators.Count)].Id;
                if (!involved.Contains(celebrator) && celebrated.Add(celebrator))
                {
                    db.Celebrations.Add(Celebration.Give(facts, celebrator, catalogue.Badges[_random.Next(catalogue.Badges.Count)],
                        "Thank you for going the extra mile: this is what we want customers to feel.", at.AddHours(2)));
                    rows++;
                }
            }
        }

        var applauded = new HashSet<string>(StringComparer.Ordinal);
        for (var a = _random.Next(9); a > 0; a--)
        {
            var person = people.Everyone[_random.Next(people.Everyone.Count)].Id;
            if (!involved.Contains(person) && applauded.Add(person))
            {
                db.Applause.Add(Applause.Give(facts, person, at.AddHours(3)));
                rows++;
            }
        }

        if (_random.NextDouble() < 0.33)
        {
            for (var c = _random.Next(1, 4); c > 0; c--)
            {
                db.Comments.Add(Comment.Write(facts, people.Everyone[_random.Next(people.Everyone.Count)].Id, WordLists.Comments[_random.Next(WordLists.Comments.Length)], at.AddHours(4)));
                rows++;
            }
        }

        return rows;
    }

    /// <summary>A leader pins three recent published stories, as the feed shows featured ones above the rest.</summary>
    private async Task FeatureAsync(People people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var recent = await db.Stories
            .Where(s => s.Status == StoryStatus.Published)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip(50).Take(FeaturedStory.MaxFeatured)
            .Include(s => s.Heroes)
            .ToListAsync(cancellationToken);
        var featured = new List<FeaturedStory>();
        for (var i = 0; i < recent.Count; i++)
        {
            featured.Add(FeaturedStory.Feature(recent[i].Facts(), people.LeaderId, featured, now.AddMinutes(-i)));
        }

        db.FeaturedStories.AddRange(featured);

        await db.SaveChangesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
