using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Recognition;

/// <summary>A published story with its people, and badges, for the recognition tests.</summary>
internal sealed record PublishedStory(int Id, TestPerson Author, IReadOnlyList<TestPerson> Heroes)
{
    public string Url => $"/Stories/{Id}";
}

internal static class RecognitionArrange
{
    /// <summary>A story its author published (the company needs no review), crediting the author and <paramref name="heroes"/>.</summary>
    public static async Task<PublishedStory> PublishedStoryAsync(this CareStoriesFactory factory, params TestPerson[] heroes)
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author, .. heroes]);
        var id = await factory.Data.StoryAsync(author, team, story =>
        {
            story.SetHeroes([author.Id, .. heroes.Select(h => h.Id)]);
            story.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true);
        });
        return new PublishedStory(id, author, heroes);
    }

    /// <summary>A story its author published with one customer quote of <paramref name="words"/>, and the quote's id.</summary>
    public static async Task<(PublishedStory Story, int QuoteId)> QuotedStoryAsync(this CareStoriesFactory factory, string words)
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var now = factory.Clock.GetUtcNow();
        var storyId = await factory.Data.StoryAsync(author, team, story =>
        {
            story.AddQuote(new QuoteDetails(words, QuoteSource.Email, DateOnly.FromDateTime(now.UtcDateTime), CustomerNaming.FullName, "Ana Lima"), now);
            story.Submit(author.Id, now, publishWithoutReview: true);
        });
        var quoteId = await factory.WithDbAsync(db => db.Quotes.Where(q => q.StoryId == storyId && q.Text == words).Select(q => q.Id).SingleAsync());
        return (new PublishedStory(storyId, author, []), quoteId);
    }

    public static async Task<int> BadgeAsync(this CareStoriesFactory factory, bool retired = false, string? emoji = "🌟")
    {
        return await factory.WithDbAsync(async db =>
        {
            var badge = new Badge(TestData.Unique("Badge"), "Given by a test.", BadgeColour.Blue, emoji);
            if (retired)
            {
                badge.Retire();
            }

            db.Badges.Add(badge);
            await db.SaveChangesAsync();
            return badge.Id;
        });
    }

    /// <summary>Celebrates directly in the database, as if <paramref name="celebrator"/> had used the form.</summary>
    public static Task CelebrateAsync(this CareStoriesFactory factory, int storyId, TestPerson celebrator, int badgeId, string message) =>
        factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).SingleAsync(s => s.Id == storyId);
            db.Celebrations.Add(Celebration.Give(story.Facts(), celebrator.Id, await db.Badges.SingleAsync(b => b.Id == badgeId), message, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

    public static Task ApplaudAsync(this CareStoriesFactory factory, int storyId, TestPerson person) =>
        factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).SingleAsync(s => s.Id == storyId);
            db.Applause.Add(Applause.Give(story.Facts(), person.Id, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

    public static Task<int> CommentAsync(this CareStoriesFactory factory, int storyId, TestPerson writer, string text) =>
        factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).SingleAsync(s => s.Id == storyId);
            var comment = Comment.Write(story.Facts(), writer.Id, text, factory.Clock.GetUtcNow());
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    /// <summary>Follows a redirect and returns the page it leads to, to read the message shown there.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        await redirect.ShouldBeAsync(System.Net.HttpStatusCode.Redirect);
        return await client.GetDocumentAsync(redirect.Headers.Location!.OriginalString.Split('#')[0]);
    }

    public static string Flash(this IDocument page) => page.QuerySelector(".status-message")?.TextContent.Trim() ?? "";

    public static Task<StoryStatus> StatusAsync(this CareStoriesFactory factory, int storyId) =>
        factory.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).Select(s => s.Status).SingleAsync());
}
