using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Infrastructure;

public sealed record TestPerson(string Id, string Email, string Password, string DisplayName);

/// <summary>Builders for distinct data: every call makes new, uniquely named people, teams, values and stories.</summary>
public sealed class TestData(IServiceProvider services)
{
    public const string Password = "a long test password 2026";

    private static int _counter;

    public static string Unique(string prefix) => $"{prefix} {Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<TestPerson> PersonAsync(params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var name = Unique("Person");
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@{CareStoriesFactory.EmailDomain}";
        var person = new Person(email, name, "Tester", services.GetRequiredService<TimeProvider>().GetUtcNow()) { EmailConfirmed = true };
        Check(await users.CreateAsync(person, Password));
        Check(await users.AddToRolesAsync(person, roles.Length == 0 ? [Roles.Employee] : roles));
        return new TestPerson(person.Id, email, Password, name);
    }

    public async Task<int> TeamAsync(TeamKind kind = TeamKind.CustomerFacing, IReadOnlyCollection<TestPerson>? members = null, IReadOnlyCollection<TestPerson>? managers = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var team = new Team(Unique("Team"), kind, "A team made by a test.");
        team.SetPeople((members ?? []).Select(p => p.Id).ToList(), (managers ?? []).Select(p => p.Id).ToList());
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    public async Task<int> ValueAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var value = new CareValue(Unique("Value"), "A value made by a test.");
        db.Values.Add(value);
        await db.SaveChangesAsync();
        return value.Id;
    }

    /// <summary>A complete story by this author; <paramref name="shape"/> moves it on (submit, publish...).</summary>
    public async Task<int> StoryAsync(TestPerson author, int teamId, Action<Story>? shape = null, DateTimeOffset? at = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var now = at ?? services.GetRequiredService<TimeProvider>().GetUtcNow();
        var story = new Story(author.Id, CompleteContent(Unique("Story")), now);
        story.SetTeams([teamId]);
        story.AddQuote(new QuoteDetails("You saved my day.", QuoteSource.Email, DateOnly.FromDateTime(now.UtcDateTime), CustomerNaming.FirstNameOnly, "Rosa Diaz"), now);
        shape?.Invoke(story);
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        await RecognitionOnSave.SaveAsync(db, story);

        // The story's events told its people and reviewers, as the app would; a story a test starts from is news to
        // nobody, so what a test checks is only the news its own steps make.
        db.Notifications.RemoveRange(db.Notifications.Where(n => n.StoryId == story.Id));
        await db.SaveChangesAsync();
        return story.Id;
    }

    public static StoryContent CompleteContent(string title) => new(
        title,
        DateOnly.FromDateTime(CareStoriesFactory.Start.UtcDateTime.AddDays(-2)),
        "The customer's van broke down on the way to a wedding they were catering.",
        "We sent the nearest driver with a spare van and moved the food across.",
        "Vans now get a pre-season check.",
        "The food arrived on time and the wedding went ahead.",
        null,
        null,
        null);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
