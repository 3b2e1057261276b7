using CareStories.Web.Tests.Feed;
using Xunit.Abstractions;

namespace CareStories.Web.Tests.Stories;

/// <summary>
/// Everyone signed in reads a published story, so its page needs neither the reader's managed teams nor the
/// story's review teams to say so: the access check costs one command (the story's status, author and heroes).
/// </summary>
public sealed class PublishedStoryCostTests(FeedFactory factory, ITestOutputHelper output) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    [Fact]
    public async Task A_published_story_page_reads_no_review_teams_and_no_managed_teams_for_its_access_check()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, factory.Clock.GetUtcNow());
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        await reader.GetDocumentAsync($"/Stories/{id}");

        factory.Sql.Clear();
        var page = await reader.GetDocumentAsync($"/Stories/{id}");
        var commands = factory.Sql.Commands;
        output.WriteLine($"{commands.Count} commands");
        foreach (var command in commands)
        {
            output.WriteLine(command.Text.ReplaceLineEndings(" "));
        }

        Assert.NotNull(page.QuerySelector("h1"));
        // The reader's managed teams (TeamMemberships by PersonId and IsManager) and the review teams (the story's
        // teams united with its author's) are what only stories under review need.
        Assert.DoesNotContain(commands, c => c.Text.Contains("\"IsManager\"", StringComparison.Ordinal) && c.Text.Contains("\"PersonId\" = @", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Text.Contains("UNION", StringComparison.Ordinal) && c.Text.Contains("\"StoryTeam\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_published_story_page_read_again_at_the_same_change_stamp_costs_one_command_the_stamp_with_the_bell()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, factory.Clock.GetUtcNow());
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        await reader.GetDocumentAsync($"/Stories/{id}");

        factory.Sql.Clear();
        var page = await reader.GetDocumentAsync($"/Stories/{id}");
        var commands = factory.Sql.Commands;
        foreach (var command in commands)
        {
            output.WriteLine(command.Text.ReplaceLineEndings(" "));
        }

        // The change stamp and the bell, in one command; the access check (status, author, heroes), the story, its
        // quotes, photos, recognition, latitude and fixes come from the cache, and my applause and celebration are
        // found in it.
        Assert.NotNull(page.QuerySelector("#applause"));
        Assert.Single(commands);
        Assert.Contains("\"Notifications\"", commands[0].Text, StringComparison.Ordinal);
        Assert.Contains("\"ChangeStamps\"", commands[0].Text, StringComparison.Ordinal);
    }
}
