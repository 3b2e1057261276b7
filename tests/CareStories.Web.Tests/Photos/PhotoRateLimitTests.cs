namespace CareStories.Web.Tests.Photos;

public sealed class TwoUploadsAMinuteFactory : PhotoFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["RateLimiting:PhotoUploadsPerMinute"] = "2",
    };
}

public sealed class PhotoRateLimitTests(TwoUploadsAMinuteFactory factory) : IClassFixture<TwoUploadsAMinuteFactory>
{
    [Fact]
    public async Task Uploads_past_the_per_person_limit_get_a_styled_429_that_says_to_wait_and_other_people_can_still_upload()
    {
        var me = await factory.Data.PersonAsync();
        var other = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me, other]);
        var mine = await factory.Data.StoryAsync(me, team);
        var theirs = await factory.Data.StoryAsync(other, team);
        var client = await factory.SignInAsync(me);

        await client.UploadAsync(mine, PhotoTestKit.Jpeg(), "One").ShouldBeAsync(HttpStatusCode.Redirect);
        await client.UploadAsync(mine, PhotoTestKit.Jpeg(), "Two").ShouldBeAsync(HttpStatusCode.Redirect);
        var third = await client.UploadAsync(mine, PhotoTestKit.Jpeg(), "Three");

        await third.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        var page = await third.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("header"));
        Assert.Contains("several photos in a short time", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var otherClient = await factory.SignInAsync(other);
        await otherClient.UploadAsync(theirs, PhotoTestKit.Jpeg(), "Theirs").ShouldBeAsync(HttpStatusCode.Redirect);
    }
}
