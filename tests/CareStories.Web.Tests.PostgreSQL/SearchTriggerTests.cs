using CareStories.Web.Tests.Search;
using Npgsql;

namespace CareStories.Web.Tests;

/// <summary>
/// PostgreSQL only (this file is compiled into the PostgreSQL run alone): the search index's triggers re-read a story
/// only when an update changed what finds it (<c>PostgresStorySearchIndex.ReindexOnlyWhatChanged</c>). The search
/// tests of both runs show the index follows every change that matters; these show the changes that do not matter
/// leave the story's index row as it was.
/// </summary>
public sealed class SearchTriggerTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Publishing_a_waiting_story_leaves_its_search_row_as_it_was_and_it_is_still_found()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var word = SearchArrange.Word();
        var id = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Edit(SearchArrange.Content($"The {word} story"), factory.Clock.GetUtcNow());
            s.Submit(author.Id, factory.Clock.GetUtcNow());
        });
        var waiting = await RowVersionAsync(id);
        Assert.NotNull(waiting);

        await factory.WithStoryAsync(id, (s, _) => s.Publish(reviewer.Id, factory.Clock.GetUtcNow()));

        Assert.Equal(waiting, await RowVersionAsync(id));
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Equal([id], await reader.FoundAsync(SearchArrange.Q(word)));
    }

    [Fact]
    public async Task An_update_that_writes_the_same_words_leaves_the_row_and_one_that_changes_them_reads_it_again()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var (old, fresh) = (SearchArrange.Word(), SearchArrange.Word());
        var id = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Edit(SearchArrange.Content($"The {old} story"), factory.Clock.GetUtcNow());
            s.Submit(author.Id, factory.Clock.GetUtcNow());
        });
        var before = await RowVersionAsync(id);

        // The same title written again fires the trigger (an UPDATE OF the column) but changes nothing it indexes.
        await ExecuteAsync($"UPDATE \"Stories\" SET \"Title\" = \"Title\", \"Status\" = \"Status\" WHERE \"Id\" = {id}");
        Assert.Equal(before, await RowVersionAsync(id));

        await ExecuteAsync($"UPDATE \"Stories\" SET \"Title\" = 'The {fresh} story' WHERE \"Id\" = {id}");
        Assert.NotEqual(before, await RowVersionAsync(id));
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM \"StorySearch\" WHERE \"StoryId\" = {id} AND \"Title\" = 'The {fresh} story'"));
    }

    [Fact]
    public async Task A_withdrawn_story_leaves_the_index_and_a_teams_new_name_reaches_its_stories_rows()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var id = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Edit(SearchArrange.Content($"The {SearchArrange.Word()} story"), factory.Clock.GetUtcNow());
            s.Submit(author.Id, factory.Clock.GetUtcNow());
        });
        Assert.NotNull(await RowVersionAsync(id));

        await factory.WithStoryAsync(id, (s, _) => s.Withdraw(author.Id, factory.Clock.GetUtcNow()));
        Assert.Null(await RowVersionAsync(id));

        var other = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var renamed = SearchArrange.Word("Crew");
        await ExecuteAsync($"UPDATE \"Teams\" SET \"Name\" = '{renamed}' WHERE \"Id\" = {team}");
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM \"StorySearch\" WHERE \"StoryId\" = {other} AND \"Teams\" = '{renamed}'"));
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM \"StorySearch\" WHERE \"StoryId\" = {id}"));
    }

    /// <summary>The transaction that last wrote the story's index row (its <c>xmin</c>); null when it has none.</summary>
    private async Task<string?> RowVersionAsync(int storyId) =>
        (await ScalarAsync($"SELECT \"xmin\"::text FROM \"StorySearch\" WHERE \"StoryId\" = {storyId}"))?.ToString();

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
