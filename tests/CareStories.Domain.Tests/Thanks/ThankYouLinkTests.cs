using CareStories.Domain.Thanks;

namespace CareStories.Domain.Tests.Thanks;

public sealed class ThankYouLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Link_has_a_long_url_safe_token_of_its_own()
    {
        var one = ThankYouLink.ForPerson("jamie", "jamie", null, Now.AddDays(90), Now);
        var two = ThankYouLink.ForPerson("jamie", "jamie", null, Now.AddDays(90), Now);

        Assert.Equal(32, one.Token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", one.Token);
        Assert.NotEqual(one.Token, two.Token);
    }

    [Fact]
    public void Link_thanks_a_person_or_a_team_never_both()
    {
        var person = ThankYouLink.ForPerson("jamie", "sam", "Front desk poster", null, Now);
        var team = ThankYouLink.ForTeam(4, "sam", null, null, Now);

        Assert.Equal(("jamie", (int?)null, "Front desk poster"), (person.PersonId, person.TeamId, person.Label));
        Assert.Equal(((string?)null, (int?)4, (string?)null), (team.PersonId, team.TeamId, team.Label));
    }

    [Fact]
    public void Link_is_open_until_it_expires()
    {
        var link = ThankYouLink.ForPerson("jamie", "jamie", null, Now.AddDays(30), Now);

        Assert.Equal(LinkState.Open, link.StateAt(Now.AddDays(29)));
        Assert.Equal(LinkState.Expired, link.StateAt(Now.AddDays(30)));
        Assert.False(link.IsOpenAt(Now.AddDays(31)));
    }

    [Fact]
    public void Link_without_an_end_date_stays_open_until_revoked_and_revoking_is_final()
    {
        var link = ThankYouLink.ForPerson("jamie", "jamie", null, null, Now);
        Assert.True(link.IsOpenAt(Now.AddYears(5)));

        link.Revoke("sam", Now.AddDays(1));

        Assert.Equal(LinkState.Revoked, link.StateAt(Now.AddDays(1)));
        Assert.Equal("sam", link.RevokedById);
        var again = Assert.Throws<DomainException>(() => link.Revoke("jamie", Now.AddDays(2)));
        Assert.Contains("already revoked", again.Message, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(1), link.RevokedAt);
    }

    [Fact]
    public void Label_and_end_date_are_checked()
    {
        var refused = Assert.Throws<DomainException>(() =>
            ThankYouLink.ForPerson("jamie", "jamie", new string('x', ThankYouLink.LabelMaxLength + 1), Now.AddDays(-1), Now));

        Assert.Equal(["Label", "ExpiresAt"], refused.Errors.Fields());
        Assert.Throws<DomainException>(() => ThankYouLink.ForPerson("jamie", "jamie", null, Now.AddYears(3), Now));
    }

    [Fact]
    public void States_read_as_words()
    {
        Assert.Equal(["Open", "Expired", "Revoked"], Enum.GetValues<LinkState>().Select(s => s.Label()).ToArray());
    }
}
