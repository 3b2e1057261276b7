namespace CareStories.Web.Tests.Stories;

public sealed class CustomerQuoteTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly string Yesterday = CareStoriesFactory.Start.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task First_name_consent_keeps_only_the_first_name_and_shows_it_as_the_attribution()
    {
        var (client, id) = await MyDraftAsync();

        var response = await client.SubmitFormAsync($"/Stories/{id}/Quotes/New", new()
        {
            ["Input.Text"] = "You turned a terrible day around.",
            ["Input.Source"] = nameof(QuoteSource.PhoneCall),
            ["Input.ReceivedOn"] = Yesterday,
            ["Input.Naming"] = nameof(CustomerNaming.FirstNameOnly),
            ["Input.CustomerName"] = "Margaret Oyelaran-Smith",
        });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var quote = await factory.WithDbAsync(db => db.Quotes.AsNoTracking().SingleAsync(q => q.StoryId == id && q.Text == "You turned a terrible day around."));
        Assert.Equal("Margaret", quote.CustomerName);
        var page = await client.GetDocumentAsync($"/Stories/{id}");
        var caption = page.QuerySelectorAll(".quote").Single(q => q.TextContent.Contains("terrible day", StringComparison.Ordinal)).QuerySelector("figcaption")!.TextContent;
        Assert.Contains("Margaret", caption);
        Assert.DoesNotContain("Oyelaran", caption);
        Assert.Contains("phone call", caption);
    }

    [Fact]
    public async Task Without_consent_no_name_is_stored_and_the_quote_is_from_a_customer()
    {
        var (client, id) = await MyDraftAsync();

        await client.SubmitFormAsync($"/Stories/{id}/Quotes/New", new()
        {
            ["Input.Text"] = "Best service I have had all year.",
            ["Input.Source"] = nameof(QuoteSource.Survey),
            ["Input.ReceivedOn"] = Yesterday,
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.CustomerName"] = "Typed By Mistake",
        }).ShouldBeAsync(HttpStatusCode.Redirect);

        var quote = await factory.WithDbAsync(db => db.Quotes.AsNoTracking().SingleAsync(q => q.StoryId == id && q.Text == "Best service I have had all year."));
        Assert.Null(quote.CustomerName);
        var html = await client.GetStringAsync($"/Stories/{id}");
        Assert.DoesNotContain("Typed By Mistake", html, StringComparison.Ordinal);
        Assert.Contains("A customer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_name_consent_without_a_name_is_refused_next_to_the_name_field_keeping_the_words()
    {
        var (client, id) = await MyDraftAsync();

        var response = await client.SubmitFormAsync($"/Stories/{id}/Quotes/New", new()
        {
            ["Input.Text"] = "Thank you, truly.",
            ["Input.Source"] = nameof(QuoteSource.Letter),
            ["Input.ReceivedOn"] = Yesterday,
            ["Input.Naming"] = nameof(CustomerNaming.FullName),
            ["Input.CustomerName"] = "",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.CustomerName"));
        Assert.NotEmpty(page.SummaryErrors());
        Assert.Equal("Thank you, truly.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#naming-FullName")!.IsChecked);
    }

    [Fact]
    public async Task Missing_words_source_and_date_are_each_named_next_to_their_field()
    {
        var (client, id) = await MyDraftAsync();

        var response = await client.SubmitFormAsync($"/Stories/{id}/Quotes/New", new()
        {
            ["Input.Text"] = "",
            ["Input.Source"] = "",
            ["Input.ReceivedOn"] = "",
        });

        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.Text"));
        Assert.NotEmpty(page.FieldErrors("Input.Source"));
        Assert.NotEmpty(page.FieldErrors("Input.ReceivedOn"));
    }

    [Fact]
    public async Task Author_edits_and_then_removes_a_quote()
    {
        var (client, id) = await MyDraftAsync();
        var quoteId = await factory.WithDbAsync(db => db.Quotes.Where(q => q.StoryId == id).Select(q => q.Id).FirstAsync());

        await client.SubmitFormAsync($"/Stories/{id}/Quotes/{quoteId}/Edit", new() { ["Input.Text"] = "Corrected words." })
            .ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("Corrected words.", await factory.WithDbAsync(db => db.Quotes.Where(q => q.Id == quoteId).Select(q => q.Text).SingleAsync()));

        await client.SubmitFormAsync($"/Stories/{id}/Quotes/{quoteId}/Edit", new(), "form[action*='handler=Remove']")
            .ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Id == quoteId)));
    }

    [Fact]
    public async Task Quotes_cannot_be_added_while_the_story_waits_for_review()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team, s => s.Submit(me.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(me);
        var before = await factory.WithDbAsync(db => db.Quotes.CountAsync(q => q.StoryId == id));

        var response = await client.PostWithOwnTokenAsync($"/Stories/{id}/Quotes/New", new()
        {
            ["Input.Text"] = "Late words",
            ["Input.Source"] = "Email",
            ["Input.ReceivedOn"] = Yesterday,
            ["Input.Naming"] = "Anonymous",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Quotes.CountAsync(q => q.StoryId == id)));
    }

    [Fact]
    public async Task Quote_of_another_story_cannot_be_edited_through_mine()
    {
        var (client, mine) = await MyDraftAsync();
        var other = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [other]);
        var theirs = await factory.Data.StoryAsync(other, team);
        var theirQuote = await factory.WithDbAsync(db => db.Quotes.Where(q => q.StoryId == theirs).Select(q => q.Id).FirstAsync());

        await client.GetAsync($"/Stories/{mine}/Quotes/{theirQuote}/Edit").ShouldBeAsync(HttpStatusCode.NotFound);
        await client.PostWithOwnTokenAsync($"/Stories/{mine}/Quotes/{theirQuote}/Edit?handler=Remove").ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.True(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Id == theirQuote)));
    }

    private async Task<(HttpClient Client, int StoryId)> MyDraftAsync()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team);
        return (await factory.SignInAsync(me), id);
    }
}
