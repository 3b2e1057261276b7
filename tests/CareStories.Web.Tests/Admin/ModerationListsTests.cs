using System.Net;
using AngleSharp.Dom;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using CareStories.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Tests.Admin;

public sealed class ModerationListsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_sees_quote_redactions_newest_first_with_who_which_part_why_and_the_story()
    {
        var (storyId, admin) = await StoryWithAdminAsync();
        var first = TestData.Unique("Older reason");
        var second = TestData.Unique("Newer reason");
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Quotes).ThenInclude(q => q.Redactions).SingleAsync(s => s.Id == storyId);
            var quoteId = story.Quotes.Single().Id;
            story.RedactQuote(quoteId, QuotePart.Text, admin.Id, first, factory.Clock.GetUtcNow().AddMinutes(-10));
            story.RedactQuote(quoteId, QuotePart.Attribution, admin.Id, second, factory.Clock.GetUtcNow().AddMinutes(-5));
            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(admin);

        var page = await client.GetDocumentAsync("/Admin/Quotes/Redactions");

        var rows = page.QuerySelectorAll("tr[data-redaction-id]").Where(r => r.TextContent.Contains(admin.DisplayName, StringComparison.Ordinal)).ToList();
        Assert.Equal([second, first], rows.Select(r => r.QuerySelector("[data-reason]")!.TextContent.Trim()));
        Assert.Contains("Who it is from", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Stories/{storyId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull((await client.GetDocumentAsync("/Admin")).QuerySelector("a[href='/Admin/Quotes/Redactions']"));
    }

    [Fact]
    public async Task Admin_sees_photo_takedowns_newest_first_with_the_story()
    {
        var (storyId, admin) = await StoryWithAdminAsync(photos: 2);
        var first = TestData.Unique("Older takedown");
        var second = TestData.Unique("Newer takedown");
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Photos).Include(s => s.PhotoTakedowns).SingleAsync(s => s.Id == storyId);
            var photos = story.Photos.OrderBy(p => p.Id).ToList();
            story.TakeDownPhoto(photos[0].Id, admin.Id, first, factory.Clock.GetUtcNow().AddMinutes(-10));
            story.TakeDownPhoto(photos[1].Id, admin.Id, second, factory.Clock.GetUtcNow().AddMinutes(-5));
            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(admin);

        var page = await client.GetDocumentAsync("/Admin/Photos/Takedowns");

        var rows = page.QuerySelectorAll("tr[data-takedown-id]").Where(r => r.TextContent.Contains(admin.DisplayName, StringComparison.Ordinal)).ToList();
        Assert.Equal([second, first], rows.Select(r => r.QuerySelector("[data-reason]")!.TextContent.Trim()));
        Assert.Equal($"/Stories/{storyId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull((await client.GetDocumentAsync("/Admin")).QuerySelector("a[href='/Admin/Photos/Takedowns']"));
    }

    [Theory]
    [InlineData("/Admin/Quotes/Redactions")]
    [InlineData("/Admin/Photos/Takedowns")]
    public async Task Non_admin_cannot_see_the_moderation_lists(string url)
    {
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));

        await manager.GetAsync(url).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    private async Task<(int StoryId, TestPerson Admin)> StoryWithAdminAsync(int photos = 0)
    {
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var at = factory.Clock.GetUtcNow().AddHours(-1);
        var storyId = await factory.Data.StoryAsync(author, team, s =>
        {
            for (var i = 0; i < photos; i++)
            {
                s.AddPhoto(new StoredPhotoFile(Guid.NewGuid().ToString("N"), "image/jpeg", 1600, 1200, 480, 360, 1000), $"Photo {i}", at);
            }

            s.Submit(author.Id, at);
            s.Publish(admin.Id, at);
        });
        return (storyId, admin);
    }
}
