namespace CareStories.Web.Tests.Feed;

/// <summary>Featured stories are company-wide, so these tests have a database of their own.</summary>
public sealed class FeedFeaturedTests(FeedFactory factory) : IClassFixture<FeedFactory>, IAsyncLifetime
{
    private readonly FeedArrange _arrange = new(factory);

    /// <summary>At most three stories are featured at once, so every test starts with none.</summary>
    public Task InitializeAsync() => factory.WithDbAsync(async db =>
    {
        db.FeaturedStories.RemoveRange(await db.FeaturedStories.ToListAsync());
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Featured_stories_are_pinned_on_top_of_the_first_page_only_and_never_repeated_below()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var start = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var featuredAt = i switch
            {
                2 => start.AddMinutes(5),
                27 => start.AddMinutes(9),
                _ => (DateTimeOffset?)null,
            };
            ids.Add(await _arrange.PublishedAsync(hero, team, start.AddMinutes(-i), after: s =>
            {
                if (featuredAt is { } at)
                {
                    s.ThenFeature(leader.Id, at);
                }
            }));
        }

        var client = await factory.SignInAsync(hero);
        var first = await client.GetDocumentAsync("/Feed");
        var second = await client.GetDocumentAsync(first.NextHref()!);

        // Most recently featured first: the old story featured last leads.
        Assert.Equal([ids[27], ids[2]], first.FeaturedIds());
        Assert.Equal("★ Featured", first.QuerySelector("#featured-heading")!.Text());
        var rest = ids.Where(id => id != ids[2] && id != ids[27]).ToList();
        Assert.Equal(rest[..20], first.ListIds());
        Assert.Empty(second.FeaturedIds());
        Assert.Null(second.QuerySelector("#featured-heading"));
        Assert.Equal(rest[20..], second.ListIds());
        Assert.Null(second.NextHref());
    }

    [Fact]
    public async Task A_filter_leaves_out_featured_stories_that_do_not_match_it()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var (other, otherTeam) = await _arrange.HeroInTeamAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var now = factory.Clock.GetUtcNow();
        var featuredHere = await _arrange.PublishedAsync(hero, team, now.AddDays(-9), after: s => s.ThenFeature(leader.Id, now));
        var plain = await _arrange.PublishedAsync(hero, team, now.AddDays(-1));
        var featuredElsewhere = await _arrange.PublishedAsync(other, otherTeam, now.AddDays(-2), after: s => s.ThenFeature(leader.Id, now));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal([featuredHere], page.FeaturedIds());
        Assert.Equal([plain], page.ListIds());
        Assert.DoesNotContain(featuredElsewhere, page.AllIds());
    }
}
