using System.Data.Common;
using CareStories.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Recognition;

/// <summary>The story page reads its celebrations, applause and comments in the same number of SQL commands however many there are.</summary>
public sealed class QueryCountTests(QueryCountTests.CountingFactory factory) : IClassFixture<QueryCountTests.CountingFactory>
{
    [Fact]
    public async Task Story_page_issues_the_same_number_of_queries_for_many_comments_as_for_one()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        var viewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager, Roles.Leader, Roles.Admin);
        var client = await factory.SignInAsync(viewer);
        await AddRecognitionAsync(story.Id, badge, 1);
        var few = await CountCommandsAsync(client, story.Url);

        await AddRecognitionAsync(story.Id, badge, 6);
        var many = await CountCommandsAsync(client, story.Url);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 20);
    }

    private async Task AddRecognitionAsync(int storyId, int badge, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var person = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
            await factory.CelebrateAsync(storyId, person, badge, $"Celebration {i}.");
            await factory.ApplaudAsync(storyId, person);
            var comment = await factory.CommentAsync(storyId, person, $"Comment {i}.");
            if (i % 2 == 1)
            {
                await factory.WithDbAsync(async db =>
                {
                    (await db.Comments.SingleAsync(c => c.Id == comment)).Hide(person.Id, "Hidden by a test.", factory.Clock.GetUtcNow());
                    await db.SaveChangesAsync();
                });
            }
        }
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string url)
    {
        factory.Commands.Reset();
        var page = await client.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("#comments"));
        return factory.Commands.Count;
    }

    public sealed class CountingFactory : CareStoriesFactory
    {
        public CommandCounter Commands { get; } = new();

        // The delivery worker's polling would be counted with the page's own commands; the stamps are read on every
        // page, as PostgreSQL's kept stamps would make the count depend on when announcements arrive.
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Delivery:Worker"] = "false",
            ["Freshness:ListenForChanges"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(Commands)).ObserveStampCommands(Commands.Observe));
        }
    }

    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void Observe(DbCommand command) => Interlocked.Increment(ref _count);

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}
