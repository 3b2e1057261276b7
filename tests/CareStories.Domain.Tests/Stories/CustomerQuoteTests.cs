using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class CustomerQuoteTests
{
    [Fact]
    public void A_quote_with_full_name_consent_keeps_the_name_on_one_line()
    {
        var story = Draft();

        var quote = story.AddQuote(Quote(CustomerNaming.FullName, "  Rosa \n  Diaz "), Now);

        Assert.Equal("Rosa Diaz", quote.CustomerName);
        Assert.Equal("Rosa Diaz", quote.Attribution);
        Assert.Equal(Now, quote.CreatedAt);
        Assert.Same(quote, Assert.Single(story.Quotes));
    }

    [Fact]
    public void An_anonymous_quote_stores_no_name_even_if_one_was_typed()
    {
        var story = Draft();

        var quote = story.AddQuote(Quote(CustomerNaming.Anonymous, "Rosa Diaz"), Now);

        Assert.Null(quote.CustomerName);
        Assert.Equal("A customer", quote.Attribution);
    }

    [Fact]
    public void First_name_only_stores_just_the_first_name_even_if_a_full_name_was_typed()
    {
        var story = Draft();

        var quote = story.AddQuote(Quote(CustomerNaming.FirstNameOnly, "  Rosa   Maria Diaz "), Now);

        Assert.Equal("Rosa", quote.CustomerName);
        Assert.Equal("Rosa", quote.Attribution);
    }

    [Theory]
    [InlineData(CustomerNaming.FirstNameOnly, null)]
    [InlineData(CustomerNaming.FirstNameOnly, "   ")]
    [InlineData(CustomerNaming.FullName, null)]
    [InlineData(CustomerNaming.FullName, " \t ")]
    public void Naming_the_customer_needs_a_name(CustomerNaming naming, string? name)
    {
        var story = Draft();

        var error = Assert.Single(Refused(() => story.AddQuote(Quote(naming, name), Now)));

        Assert.Equal("CustomerName", error.Field);
        Assert.Contains("a customer", error.Message, StringComparison.Ordinal);
        Assert.Empty(story.Quotes);
    }

    [Fact]
    public void A_name_over_the_limit_is_refused()
    {
        var story = Draft();

        var error = Assert.Single(Refused(() =>
            story.AddQuote(Quote(CustomerNaming.FullName, new string('n', CustomerQuote.CustomerNameMaxLength + 1)), Now)));

        Assert.Equal("CustomerName", error.Field);
    }

    [Fact]
    public void Attribution_falls_back_to_a_customer_when_there_is_no_consented_name()
    {
        Assert.Equal("A customer", QuoteText.Attribution(CustomerNaming.Anonymous, "Rosa"));
        Assert.Equal("A customer", QuoteText.Attribution(CustomerNaming.FullName, null));
        Assert.Equal("A customer", QuoteText.Attribution(CustomerNaming.FirstNameOnly, " "));
        Assert.Equal("Rosa", QuoteText.Attribution(CustomerNaming.FirstNameOnly, "Rosa"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  \r\n ")]
    public void A_quote_needs_the_customers_words(string? text)
    {
        var story = Draft();

        var error = Assert.Single(Refused(() => story.AddQuote(Quote(text: text), Now)));

        Assert.Equal("Text", error.Field);
    }

    [Fact]
    public void The_quote_text_is_limited_and_keeps_its_paragraphs()
    {
        var story = Draft();

        var error = Assert.Single(Refused(() => story.AddQuote(Quote(text: new string('q', CustomerQuote.TextMaxLength + 1)), Now)));
        var quote = story.AddQuote(Quote(text: " Thank you.\r\n\r\nReally. "), Now);

        Assert.Equal("Text", error.Field);
        Assert.Equal("Thank you.\n\nReally.", quote.Text);
    }

    [Fact]
    public void A_quote_needs_a_date_that_is_not_in_the_future()
    {
        var story = Draft();
        var missing = Quote() with { ReceivedOn = null };
        var future = Quote() with { ReceivedOn = Today.AddDays(2) };
        var todayInKiribati = Quote() with { ReceivedOn = Today.AddDays(1) };

        Assert.Equal("ReceivedOn", Assert.Single(Refused(() => story.AddQuote(missing, Now))).Field);
        Assert.Equal("ReceivedOn", Assert.Single(Refused(() => story.AddQuote(future, Now))).Field);
        Assert.Equal(Today.AddDays(1), story.AddQuote(todayInKiribati, Now).ReceivedOn);
    }

    [Fact]
    public void Unknown_source_or_naming_is_refused()
    {
        var story = Draft();
        var badSource = Quote() with { Source = (QuoteSource)42 };
        var badNaming = Quote() with { Naming = (CustomerNaming)42 };

        Assert.Equal("Source", Assert.Single(Refused(() => story.AddQuote(badSource, Now))).Field);
        Assert.Equal("Naming", Assert.Single(Refused(() => story.AddQuote(badNaming, Now))).Field);
        Assert.Empty(story.Quotes);
    }

    [Fact]
    public void Every_quote_problem_is_reported_at_once()
    {
        var story = Draft();
        var details = new QuoteDetails("", (QuoteSource)42, null, CustomerNaming.FullName, "");

        var errors = Refused(() => story.AddQuote(details, Now));

        Assert.Equal(["Text", "Source", "ReceivedOn", "CustomerName"], errors.Fields());
    }

    [Fact]
    public void A_story_carries_at_most_ten_quotes()
    {
        var story = Draft();
        for (var i = 0; i < Story.MaxQuotes; i++)
        {
            story.AddQuote(Quote(text: $"Quote {i}"), Now);
        }

        var error = Assert.Single(Refused(() => story.AddQuote(Quote(text: "One too many"), Now)));

        Assert.Contains("at most 10 quotes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Story.MaxQuotes, story.Quotes.Count);
    }

    [Fact]
    public void Editing_a_quote_to_anonymous_drops_the_stored_name()
    {
        var story = Draft();
        var quote = story.AddQuote(Quote(CustomerNaming.FullName, "Rosa Diaz"), Now);

        story.EditQuote(quote.Id, Quote(CustomerNaming.Anonymous, "Rosa Diaz", "Edited words."), Now.AddHours(1));

        Assert.Null(quote.CustomerName);
        Assert.Equal("A customer", quote.Attribution);
        Assert.Equal("Edited words.", quote.Text);
        Assert.Equal(Now.AddHours(1), story.UpdatedAt);
    }

    [Fact]
    public void A_refused_quote_edit_keeps_the_quote_as_it_was()
    {
        var story = Draft();
        var quote = story.AddQuote(Quote(CustomerNaming.FullName, "Rosa Diaz"), Now);

        Refused(() => story.EditQuote(quote.Id, Quote(CustomerNaming.FullName, "", "New words"), Now.AddHours(1)));

        Assert.Equal("You saved my day.", quote.Text);
        Assert.Equal("Rosa Diaz", quote.CustomerName);
    }

    [Fact]
    public void Removing_a_quote_takes_it_off_the_story()
    {
        var story = Draft();
        var quote = story.AddQuote(Quote(), Now);

        story.RemoveQuote(quote.Id, Now.AddHours(1));

        Assert.Empty(story.Quotes);
        Assert.Equal(Now.AddHours(1), story.UpdatedAt);
    }

    [Fact]
    public void A_quote_that_is_not_on_the_story_cannot_be_edited_or_removed()
    {
        var story = Draft();
        story.AddQuote(Quote(), Now);

        Refused(() => story.EditQuote(12345, Quote(), Now));
        Refused(() => story.RemoveQuote(12345, Now));

        Assert.Single(story.Quotes);
    }
}
