using CareStories.Domain.Thanks;

namespace CareStories.Domain.Tests.Thanks;

public sealed class ReceiveThanksTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ThankYouLink Link() => ThankYouLink.ForPerson("jamie", "jamie", null, Now.AddDays(90), Now);

    [Fact]
    public void Thanks_waits_for_approval_with_the_words_and_the_name_as_chosen()
    {
        var thanks = CustomerThanks.Receive(Link(), new("  You were wonderful.  ", CustomerNaming.FullName, " Rosa  Diaz ", true), Now);

        Assert.Equal(ThanksStatus.Waiting, thanks.Status);
        Assert.Equal("You were wonderful.", thanks.Text);
        Assert.Equal("Rosa Diaz", thanks.CustomerName);
        Assert.Equal("jamie", thanks.PersonId);
        Assert.Equal(Now, thanks.ReceivedAt);
    }

    [Fact]
    public void First_name_only_keeps_the_first_word_and_anonymous_keeps_no_name()
    {
        Assert.Equal("Rosa", CustomerThanks.Receive(Link(), new("Thanks", CustomerNaming.FirstNameOnly, "Rosa Diaz", true), Now).CustomerName);
        Assert.Null(CustomerThanks.Receive(Link(), new("Thanks", CustomerNaming.Anonymous, "Rosa Diaz", true), Now).CustomerName);
    }

    [Fact]
    public void Words_consent_and_a_chosen_name_are_required()
    {
        var refused = Assert.Throws<DomainException>(() =>
            CustomerThanks.Receive(Link(), new("  ", CustomerNaming.FullName, null, false), Now));

        Assert.Equal(["Text", "CustomerName", "Consent"], refused.Errors.Fields());
    }

    [Fact]
    public void Overlong_words_are_refused_saying_how_long_they_are()
    {
        var refused = Assert.Throws<DomainException>(() =>
            CustomerThanks.Receive(Link(), new(new string('a', CustomerThanks.TextMaxLength + 1), CustomerNaming.Anonymous, null, true), Now));

        Assert.Contains($"it is {CustomerThanks.TextMaxLength + 1:N0} now", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Closed_links_take_no_thanks()
    {
        var revoked = Link();
        revoked.Revoke("jamie", Now);

        Assert.Throws<DomainException>(() => CustomerThanks.Receive(revoked, new("Thanks", CustomerNaming.Anonymous, null, true), Now));
        Assert.Throws<DomainException>(() => CustomerThanks.Receive(Link(), new("Thanks", CustomerNaming.Anonymous, null, true), Now.AddDays(91)));
    }
}
