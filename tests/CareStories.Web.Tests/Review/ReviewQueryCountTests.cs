using System.Data.Common;
using CareStories.Domain.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Review;

/// <summary>The queue, the review page and the manager's home ask the database the same number of times however many stories wait.</summary>
public sealed class ReviewQueryCountTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/Review")]
    [InlineData("/")]
    public async Task Page_sends_a_constant_number_of_sql_commands(string url)
    {
        var counter = new CommandCounter();
        // No delivery worker in this copy: the stories filed below wake it, and its passes would be counted with the page's commands;
        // the stamps read on every page (PostgreSQL's kept stamps would make the count depend on when announcements arrive).
        var counted = factory.WithWebHostBuilder(builder => builder.UseSetting("Delivery:Worker", "false").UseSetting("Freshness:ListenForChanges", "false").ConfigureTestServices(services =>
            services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(counter)).ObserveStampCommands(counter.Observe)));
        var team = await factory.ReviewTeamAsync();
        await factory.WaitingStoryAsync(team);
        var client = counted.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInThroughAsync(team.Manager);

        var few = await counter.CountAsync(() => client.GetDocumentAsync(url));
        for (var i = 0; i < 6; i++)
        {
            var hero = await factory.Data.PersonAsync();
            await factory.WaitingStoryAsync(team, factory.Clock.GetUtcNow().AddDays(-i), team.Author, hero);
        }

        var many = await counter.CountAsync(() => client.GetDocumentAsync(url));

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 8);
    }

    [Fact]
    public async Task Review_page_sends_a_constant_number_of_sql_commands()
    {
        var counter = new CommandCounter();
        // No delivery worker in this copy: the stories filed below wake it, and its passes would be counted with the page's commands;
        // the stamps read on every page (PostgreSQL's kept stamps would make the count depend on when announcements arrive).
        var counted = factory.WithWebHostBuilder(builder => builder.UseSetting("Delivery:Worker", "false").UseSetting("Freshness:ListenForChanges", "false").ConfigureTestServices(services =>
            services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(counter)).ObserveStampCommands(counter.Observe)));
        var team = await factory.ReviewTeamAsync();
        var plain = await factory.WaitingStoryAsync(team);
        var heroes = new List<TestPerson>();
        for (var i = 0; i < 5; i++)
        {
            heroes.Add(await factory.Data.PersonAsync());
        }

        var crowded = await factory.WaitingStoryAsync(team, null, [.. heroes]);
        var client = counted.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInThroughAsync(team.Manager);

        Assert.Equal(
            await counter.CountAsync(() => client.GetDocumentAsync($"/Review/Story/{plain}")),
            await counter.CountAsync(() => client.GetDocumentAsync($"/Review/Story/{crowded}")));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public async Task<int> CountAsync(Func<Task> request)
        {
            Interlocked.Exchange(ref _count, 0);
            await request();
            return Volatile.Read(ref _count);
        }

        public void Observe(DbCommand command) => Interlocked.Increment(ref _count);

        public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}

internal static class CountedClientExtensions
{
    public static async Task SignInThroughAsync(this HttpClient client, TestPerson person)
    {
        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
