using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class QuoteRedactionTests
{
    private const string Admin = "admin-id";

    private static (Story Story, CustomerQuote Quote) PublishedWithQuote()
    {
        var story = Draft();
        var quote = story.AddQuote(Quote(), Now);
        story.Submit(Author, Now.AddMinutes(1));
        story.Publish(Reviewer, Now.AddMinutes(2));
        return (story, quote);
    }

    [Fact]
    public void Redacting_the_words_removes_them_and_records_who_when_and_why()
    {
        var (story, quote) = PublishedWithQuote();

        var record = story.RedactQuote(quote.Id, QuotePart.Text, Admin, "  Mentions a medical condition. ", Now.AddDays(1));

        Assert.True(quote.IsTextRedacted);
        Assert.Equal("", quote.Text);
        Assert.Equal("Rosa Diaz", quote.Attribution);
        Assert.Equal((QuotePart.Text, Admin, "Mentions a medical condition.", Now.AddDays(1)), (record.Part, record.AdminId, record.Reason, record.At));
        Assert.Same(record, Assert.Single(quote.Redactions));
    }

    [Fact]
    public void Redacting_who_it_is_from_makes_it_from_a_customer_for_good()
    {
        var (story, quote) = PublishedWithQuote();

        story.RedactQuote(quote.Id, QuotePart.Attribution, Admin, "Asked to be anonymous.", Now);

        Assert.True(quote.IsAttributionRedacted);
        Assert.Null(quote.CustomerName);
        Assert.Equal("A customer", quote.Attribution);
        Assert.Equal("You saved my day.", quote.Text);
    }

    [Fact]
    public void A_reason_is_required()
    {
        var (story, quote) = PublishedWithQuote();

        Assert.Equal(["Reason"], Refused(() => story.RedactQuote(quote.Id, QuotePart.Text, Admin, "  ", Now)).Fields());
        Assert.False(quote.IsTextRedacted);
    }

    [Fact]
    public void The_same_part_cannot_be_redacted_twice_and_an_anonymous_quote_has_no_name_to_remove()
    {
        var story = Draft();
        var anonymous = story.AddQuote(Quote(CustomerNaming.Anonymous, null), Now);
        story.RedactQuote(anonymous.Id, QuotePart.Text, Admin, "Private.", Now);

        Assert.Equal(["Part"], Refused(() => story.RedactQuote(anonymous.Id, QuotePart.Text, Admin, "Again.", Now)).Fields());
        Assert.Equal(["Part"], Refused(() => story.RedactQuote(anonymous.Id, QuotePart.Attribution, Admin, "Name.", Now)).Fields());
    }

    [Fact]
    public void A_redacted_quote_can_be_removed_but_not_edited()
    {
        var story = Draft();
        var quote = story.AddQuote(Quote(), Now);
        story.RedactQuote(quote.Id, QuotePart.Attribution, Admin, "Asked to be anonymous.", Now);

        Assert.Contains("redacted", Assert.Throws<DomainException>(() => story.EditQuote(quote.Id, Quote(), Now)).Message);
        story.RemoveQuote(quote.Id, Now);
        Assert.Empty(story.Quotes);
    }
}
