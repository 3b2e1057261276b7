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

    private static readonly string[] Situations =
    [
        "The customer's delivery van broke down on the way to a trade fair, with every sample they meant to show on board. They called us two hours before the doors opened, close to tears, because the fair was the one chance this year to meet their biggest buyers.",
        "An elderly customer had been charged twice for the same repair and could not get through on the phone line for three days. Her daughter wrote to us, worried that the second charge would leave her mother short for the rest of the month.",
        "A small bakery's card terminal stopped taking payments on the Saturday before a holiday, their busiest day of the year. The owner had a queue out of the door and no cash float to speak of.",
        "The customer needed a signed report on their boss's desk within ten minutes, and the office printer we look after had jammed for the third time that morning.",
        "A family moving house found that the spare part we promised for their heating system had gone to their old address, and the new house had no heating in the middle of a cold week with a newborn at home.",
    ];

    private static readonly string[] Actions =
    [
        "Drove the spare part over personally after the shift ended, installed it, and stayed until the system had run a full cycle without a fault.",
        "Refunded the duplicate charge on the spot, within the limit we may spend without sign-off, and called back the next morning to make sure the money had arrived.",
        "Lent the customer one of our demo units for the weekend and talked the owner through setting it up over the phone while the queue kept moving.",
        "Sent the report to a printer on another floor, walked it to the meeting room, and came back to clear the jam once the customer's meeting had started.",
        "Arranged a courier from the warehouse to the new address the same evening and asked the field team to fit the part first thing in the morning.",
    ];

    private static readonly string[] Preventions =
    [
        "Raised a change so the billing system holds a second identical charge for review instead of sending it.",
        "Added the printer to the weekly maintenance round and ordered the roller kit the manufacturer recommends.",
        "Changed the order form so a new delivery address is confirmed by text message before anything is shipped.",
    ];

    private static readonly string[] Outcomes =
    [
        "The customer made it to the fair on time, signed two new buyers, and wrote to thank the whole team.",
        "She told us she had nearly moved to another provider and now recommends us to her friends at the community centre.",
        "The bakery took every payment that day; the owner sent a box of pastries to the support desk on Monday.",
        "The report reached the boss with minutes to spare and the customer renewed their contract for three years.",
    ];

    private static readonly string[] QuoteTexts =
    [
        "I honestly did not expect anyone to go that far for us. Thank you, you saved our week.",
        "Your colleague stayed calm when I was not, and sorted everything before I had even finished explaining.",
        "We have been customers for twelve years and this is the reason we will stay for twelve more.",
    ];

    private static readonly string[] Comments =
    [
        "This is exactly what we mean by putting the customer first. Brilliant work.",
        "I had no idea the warehouse team did this. Thank you for sharing it.",
        "Great story. The prevention step is what I like best: nobody else will hit this again.",
    ];

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
        var options = new DbContextOptionsBuilder<CareStoriesDbContext>()
            .UseSqlite(_connection ?? throw new InvalidOperationException("Generation has not started."))
            .Options;
        var db = new CareStoriesDbContext(options);
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
            var name = i == 0 ? "Riley Reader" : $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length) % LastNames.Length]} {i}";
            var person = new Person(email, name, JobTitles[i % JobTitles.Length], now.AddYears(-4))
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
            var team = new Team($"{TeamNames[t % TeamNames.Length]} {(t / TeamNames.Length) + 1}", kind, "A generated team for the benchmark.");
            var managerIds = new[] { people.Reviewers[2 * t], people.Reviewers[(2 * t) + 1] };
            team.SetPeople(people.TeamMembers[t], managerIds);
            teams.Add(team);
        }

        var values = ValueNames.Select(v => new CareValue(v, "A value from the generated catalogue.")).ToList();
        var badges = BadgeNames.Select((b, i) => new Badge(b, "A badge from the generated catalogue.", (BadgeColour)(i % 7))).ToList();
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
        var title = $"{TitleStarts[_random.Next(TitleStarts.Length)]} {TitleEnds[_random.Next(TitleEnds.Length)]}";
        var hasSpend = _random.NextDouble() < 0.2;
        var content = new StoryContent(
            title,
            occurred,
            Situations[_random.Next(Situations.Length)],
            Actions[_random.Next(Actions.Length)],
            _random.NextDouble() < 0.5 ? Preventions[_random.Next(Preventions.Length)] : null,
            Outcomes[_random.Next(Outcomes.Length)],
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
                QuoteTexts[_random.Next(QuoteTexts.Length)], (QuoteSource)_random.Next(6), occurred,
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
                db.Comments.Add(Comment.Write(facts, people.Everyone[_random.Next(people.Everyone.Count)].Id, Comments[_random.Next(Comments.Length)], at.AddHours(4)));
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

    private static readonly string[] FirstNames =
        ["Ada", "Ben", "Chloe", "Dev", "Eva", "Finn", "Gita", "Hugo", "Iris", "Jon", "Kemi", "Liam", "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tara"];

    private static readonly string[] LastNames =
        ["Adams", "Baker", "Costa", "Diaz", "Evans", "Fischer", "Gupta", "Hansen", "Ito", "Jansen", "Kowalski", "Larsen", "Mensah", "Nowak", "Okoro", "Pereira", "Rossi", "Silva", "Tanaka", "Usman"];

    private static readonly string[] JobTitles =
        ["Customer Support Specialist", "Field Technician", "Billing Analyst", "Warehouse Coordinator", "IT Support Engineer", "Logistics Planner"];

    private static readonly string[] TeamNames =
        ["Customer Support", "Field Service", "Billing", "Warehouse", "IT Operations", "Roadside", "Sales Desk", "Returns", "Payroll", "Facilities"];

    private static readonly string[] ValueNames =
        ["Broke a rule for the customer", "Workaround first", "Fixed it for good", "Cross-team help", "Listened first", "Owned it end to end", "Kept the promise", "Went back to check"];

    private static readonly string[] BadgeNames =
        ["Above and beyond", "Customer hero", "Problem solver", "Team player", "Calm in the storm", "Fixed it for good"];

    private static readonly string[] TitleStarts =
        ["Samples at the fair", "A refund before breakfast", "The holiday card terminal", "Ten minutes to print", "Heating for a newborn", "A part at the wrong address"];

    private static readonly string[] TitleEnds =
        ["saved by the night shift", "and a very happy customer", "fixed for everyone", "with minutes to spare", "thanks to the warehouse", "the whole team pitched in"];

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
