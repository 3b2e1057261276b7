using CareStories.Web.Tests.Review;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Thanks;

/// <summary>An Admin removes a quote's words or name for privacy; everyone else is refused, and the words are gone everywhere.</summary>
public sealed class RedactionTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private async Task<(ReviewTeam Team, int StoryId, int QuoteId)> PublishedQuoteAsync(string words)
    {
        var team = await factory.ReviewTeamAsync();
        var storyId = await factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            s.Submit(team.Author.Id, factory.Clock.GetUtcNow());
            s.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
        });
        var thanksId = await factory.ApprovedThanksAsync(team.Author, team.Manager, storyId, words, CustomerNaming.FullName, "Quentin Blake", factory.Clock.GetUtcNow().AddMinutes(1));
        var quoteId = (await factory.ThanksAsync(thanksId)).QuoteId!.Value;
        return (team, storyId, quoteId);
    }

    [Fact]
    public async Task A_quote_on_someone_elses_draft_cannot_be_read_or_redacted_by_an_admin_as_the_draft_itself()
    {
        var team = await factory.ReviewTeamAsync();
        var (thanksId, draftId) = await factory.ApprovedAsDraftAsync(team.Author, team.Manager, "Thank you for the spare key.");
        var quoteId = (await factory.ThanksAsync(thanksId)).QuoteId!.Value;
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await admin.GetAsync($"/Stories/{draftId}").ShouldBeAsync(HttpStatusCode.NotFound);
        await admin.GetAsync($"/Admin/Quotes/{quoteId}/Redact").ShouldBeAsync(HttpStatusCode.NotFound);
        var post = await admin.PostWithOwnTokenAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "Testing the rule." });

        await post.ShouldBeAsync(HttpStatusCode.NotFound);
        var quote = await factory.WithDbAsync(db => db.Quotes.AsNoTracking().SingleAsync(q => q.Id == quoteId));
        Assert.False(quote.IsTextRedacted);
        var voice = await admin.GetDocumentAsync("/Voice");
        Assert.Null(voice.QuerySelector($"a[href='/Admin/Quotes/{quoteId}/Redact']"));
    }

    [Fact]
    public async Task Admin_redacts_the_words_and_they_are_replaced_everywhere_and_gone_from_the_database()
    {
        var (team, storyId, quoteId) = await PublishedQuoteAsync("My neighbour Bob's address is 12 Elm Road");
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var client = await factory.SignInAsync(admin);
        var story = await client.GetDocumentAsync($"/Stories/{storyId}");
        Assert.NotNull(story.QuerySelector($"#quotes a[href='/Admin/Quotes/{quoteId}/Redact']"));

        var response = await client.SubmitFormAsync(
            $"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "Names a neighbour and an address." });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var listed = record.QuerySelector("[data-redactions]")!.TextContent;
        Assert.Contains("The customer's words removed", listed);
        Assert.Contains(admin.DisplayName, listed);
        Assert.Contains("Names a neighbour and an address.", listed);
        Assert.NotNull(record.QuerySelector("[data-redactions] local-time, [data-redactions] time"));

        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Text.Contains("Elm Road"))));
        Assert.False(await factory.WithDbAsync(db => db.CustomerThanks.AnyAsync(t => t.Text.Contains("Elm Road"))));
        var saved = await factory.WithDbAsync(db => db.QuoteRedactions.AsNoTracking().SingleAsync(r => r.QuoteId == quoteId));
        Assert.Equal((QuotePart.Text, admin.Id), (saved.Part, saved.AdminId));

        var reader = await factory.SignInAsync(team.Author);
        var storyPage = await reader.GetDocumentAsync($"/Stories/{storyId}");
        var voice = await reader.GetDocumentAsync("/Voice");
        foreach (var page in new[] { storyPage, voice, record })
        {
            Assert.DoesNotContain("Elm Road", page.Body!.TextContent);
            Assert.Contains(QuoteText.RemovedText, page.QuerySelector(".quote-removed")!.TextContent);
        }

        var feed = await reader.GetDocumentAsync("/Feed");
        Assert.DoesNotContain("Elm Road", feed.Body!.TextContent);
    }

    [Fact]
    public async Task Admin_redacts_who_it_is_from()
    {
        var (team, storyId, quoteId) = await PublishedQuoteAsync("Lovely service");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await client.SubmitFormAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Attribution", ["Input.Reason"] = "Asked to stay anonymous." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var page = await (await factory.SignInAsync(team.Author)).GetDocumentAsync($"/Stories/{storyId}");
        Assert.DoesNotContain("Quentin", page.Body!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#quotes figcaption"), f => f.TextContent.Contains("A customer, thank-you link"));
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.Id == quoteId && q.CustomerName != null)));
    }

    [Fact]
    public async Task A_reason_is_required_and_what_was_chosen_is_kept()
    {
        var (_, _, quoteId) = await PublishedQuoteAsync("Words to keep for now");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var response = await client.SubmitFormAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "" });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.Reason"));
        Assert.NotEmpty(page.SummaryErrors());
        Assert.NotNull(page.QuerySelector("#part-Text[checked]"));
        Assert.Equal("Words to keep for now", await factory.WithDbAsync(db => db.Quotes.Where(q => q.Id == quoteId).Select(q => q.Text).SingleAsync()));
    }

    [Fact]
    public async Task Only_admins_may_redact()
    {
        var (team, storyId, quoteId) = await PublishedQuoteAsync("Words nobody else may remove");
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);

        foreach (var person in new[] { team.Author, team.Manager, leader })
        {
            var client = await factory.SignInAsync(person);
            await client.GetAsync($"/Admin/Quotes/{quoteId}/Redact").ShouldBeAsync(HttpStatusCode.Forbidden);
            await client.PostWithOwnTokenAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "Because." })
                .ShouldBeAsync(HttpStatusCode.Forbidden);
            Assert.Null((await client.GetDocumentAsync($"/Stories/{storyId}")).QuerySelector("a[href*='/Redact']"));
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.QuoteRedactions.CountAsync(r => r.QuoteId == quoteId)));
    }

    [Fact]
    public async Task Redacting_a_missing_quote_is_not_found()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await client.GetAsync("/Admin/Quotes/999999/Redact").ShouldBeAsync(HttpStatusCode.NotFound);
    }
}
