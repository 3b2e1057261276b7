namespace CareStories.Web.Tests.Admin;

/// <summary>A database with nobody but one administrator: what the lists say before anything is added.</summary>
public sealed class AdminEmptyStateTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Theory]
    [InlineData("/Admin/Teams", "No teams yet", "/Admin/Teams/Edit")]
    [InlineData("/Admin/Values", "No values yet", "/Admin/Values/Edit")]
    public async Task Empty_list_says_what_to_do(string url, string heading, string addLink)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var page = await client.GetDocumentAsync(url);

        var empty = page.QuerySelector(".empty-state")!;
        Assert.Equal(heading, empty.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotNull(empty.QuerySelector($"a[href='{addLink}']"));
    }

    [Fact]
    public async Task Search_that_finds_nobody_says_so()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var page = await client.GetDocumentAsync("/Admin/People?q=zzz-nobody-has-this");

        Assert.Contains("Nobody matches", page.QuerySelector(".empty-state h2")!.TextContent);
    }
}
