using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Feed;

/// <summary>Builders for the feed: published stories at a chosen time, badges, and the people who react.</summary>
internal sealed class FeedArrange(CareStoriesFactory factory)
{
    private TestPerson? _reviewer;

    public TestData Data => factory.Data;

    /// <summary>A manager who publishes the stories (nobody reviews their own).</summary>
    public async Task<TestPerson> ReviewerAsync() => _reviewer ??= await Data.PersonAsync(Roles.Employee, Roles.Manager);

    /// <summary>
    /// A published story by <paramref name="author"/> (its hero) in <paramref name="teamId"/>, published at
    /// <paramref name="publishedAt"/>. <paramref name="draft"/> changes it before it is submitted (values, quotes,
    /// heroes); <paramref name="after"/> celebrates, applauds, features... once it is published.
    /// </summary>
    public async Task<int> PublishedAsync(
        TestPerson author, int teamId, DateTimeOffset publishedAt, Action<Story>? draft = null, Action<Story>? after = null)
    {
        var reviewer = await ReviewerAsync();
        return await Data.StoryAsync(author, teamId, story =>
        {
            draft?.Invoke(story);
            story.Submit(author.Id, factory.Clock.GetUtcNow());
            story.Publish(reviewer.Id, publishedAt);
            after?.Invoke(story);
        });
    }

    public async Task<Badge> BadgeAsync(BadgeColour colour = BadgeColour.Teal, string? emoji = "🌟")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var badge = new Badge(TestData.Unique("Badge"), "Given by a test.", colour, emoji);
        db.Badges.Add(badge);
        await db.SaveChangesAsync();
        return badge;
    }

    /// <summary>A person in a new team of this kind, ready to be a story's hero.</summary>
    public async Task<(TestPerson Hero, int TeamId)> HeroInTeamAsync(TeamKind kind = TeamKind.CustomerFacing)
    {
        var hero = await Data.PersonAsync();
        var team = await Data.TeamAsync(kind, members: [hero]);
        return (hero, team);
    }
}
