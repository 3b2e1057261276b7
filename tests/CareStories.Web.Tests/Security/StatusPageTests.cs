namespace CareStories.Web.Tests.Security;

public sealed class StatusPageTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/Stories/999999/nothing-here")]
    [InlineData("/Identity/Account/NoSuchAccountPage")]
    public async Task An_unknown_address_answers_404_with_the_friendly_page(string url)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();
        Assert.Equal("We could not find that page", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("StackTrace", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_friendly_404_page_is_shown_to_the_person_who_is_signed_in()
    {
        var person = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(person);

        var page = await (await client.GetAsync("/no-such-page")).ReadDocumentAsync();

        Assert.Contains(person.DisplayName, page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }
}
