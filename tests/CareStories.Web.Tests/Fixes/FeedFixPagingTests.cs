using System.Globalization;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Fixes;

/// <summary>Done fixes among the feed's stories: each on exactly one page, in time order with the stories around it.</summary>
public sealed class FeedFixPagingTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Every_done_fix_shows_once_across_the_feeds_pages_between_the_stories_published_either_side_of_it()
    {
        var team = await factory.FixTeamAsync();
        var start = factory.Clock.GetUtcNow();
        var published = new Dictionary<int, DateTimeOffset>();
        var done = new Dictionary<int, DateTimeOffset>();
        for (var hour = 0; hour < 30; hour++)
        {
            var at = start.AddHours(hour);
            factory.Clock.SetUtcNow(at);
            published[(await factory.PublishedStoryAsync()).Id] = at;
            if (hour % 4 == 1)
            {
                // Done half an hour after this story, and one exactly when the next is published.
                var doneAt = hour % 8 == 1 ? at.AddMinutes(30) : at.AddHours(1);
                done[await factory.FixAsync(team, team.Member, shape: (f, t) => f.Finish(t, doneAt), at: at)] = doneAt;
            }
        }

        factory.Clock.SetUtcNow(start.AddHours(31));
        var client = await factory.SignInAsync(team.Member);
        var shown = new List<(bool IsFix, int Id)>();
        var url = "/Feed";
        for (var pages = 0; url is not null && pages < 5; pages++)
        {
            var page = await client.GetDocumentAsync(url);
            shown.AddRange(page.QuerySelectorAll(".feed-list:not(.feed-list-featured) > li > article").Select(card =>
                card.GetAttribute("data-fix-card") is { } fixId
                    ? (true, int.Parse(fixId, CultureInfo.InvariantCulture))
                    : (false, int.Parse(card.QuerySelector("h3 a")!.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture))));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.Equal(done.Keys.Order(), shown.Where(s => s.IsFix).Select(s => s.Id).Order());
        Assert.Equal(published.Keys.Order(), shown.Where(s => !s.IsFix).Select(s => s.Id).Order());
        var times = shown.Select(s => s.IsFix ? done[s.Id] : published[s.Id]).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }
}
