using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;

namespace CareStories.BrowserTests.Recognition;

public static class RecognitionStories
{
    /// <summary>
    /// A published story of the test's own, by a colleague (Tom) that nobody in the demo accounts has recognised:
    /// other journeys celebrate and applaud the demo's stories too, so a test never depends on which of them ran first.
    /// </summary>
    public static Task<int> PublishedStoryByAColleagueAsync(this AppServer app) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var tom = await db.Users.Where(u => u.Email == "tom@carestories.example").Select(u => u.Id).SingleAsync();
        var sam = await db.Users.Where(u => u.Email == DemoAccounts.Manager.Email).Select(u => u.Id).SingleAsync();
        var team = await db.TeamMemberships.Where(m => m.PersonId == tom).Select(m => m.TeamId).FirstAsync();
        var story = new Story(tom, new StoryContent(
            $"Found the lost booking before the guest arrived {Guid.NewGuid():N}"[..60],
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)),
            "A guest's booking had vanished from the system the night before they arrived.",
            "Tom rebuilt it from the confirmation email and held the same room.",
            null,
            "The guest checked in without ever knowing.",
            null,
            null,
            null), now.AddHours(-6));
        story.SetTeams([team]);
        story.Submit(tom, now.AddHours(-5));
        story.Publish(sam, now.AddHours(-4));
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return story.Id;
    });
}
