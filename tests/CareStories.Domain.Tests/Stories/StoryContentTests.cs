using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class StoryContentTests
{
    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Editing_the_story_or_its_quotes_is_refused_unless_draft_or_sent_back(StoryStatus status)
    {
        var story = InStatus(status);
        var title = story.Title;
        var updatedAt = story.UpdatedAt;
        var later = Now.AddDays(1);

        var refusals = new Action[]
        {
            () => story.Edit(Complete("A new title"), later),
            () => story.SetHeroes(["someone-else"]),
            () => story.SetTeams([99]),
            () => story.SetValues([5]),
            () => story.AddQuote(Quote(), later),
            () => story.EditQuote(0, Quote(), later),
            () => story.RemoveQuote(0, later),
        };

        Assert.All(refusals, refusal =>
            Assert.Contains("cannot be changed", Assert.Single(Refused(refusal)).Message, StringComparison.Ordinal));
        Assert.Equal(title, story.Title);
        Assert.Equal(Author, Assert.Single(story.Heroes).PersonId);
        Assert.Equal(TeamId, Assert.Single(story.Teams).TeamId);
        Assert.Empty(story.Values);
        Assert.Empty(story.Quotes);
        Assert.Equal(updatedAt, story.UpdatedAt);
        Assert.False(story.IsEditable);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.ChangesRequested)]
    public void A_draft_or_a_story_sent_back_can_be_edited(StoryStatus status)
    {
        var story = InStatus(status);
        var later = Now.AddDays(1);

        story.Edit(Complete("A better title"), later);
        story.SetHeroes(["colleague-id"]);
        story.SetTeams([TeamId, 8]);
        story.SetValues([3, 4]);
        story.AddQuote(Quote(), later);

        Assert.True(story.IsEditable);
        Assert.Equal("A better title", story.Title);
        Assert.Equal("colleague-id", Assert.Single(story.Heroes).PersonId);
        Assert.Equal([TeamId, 8], story.Teams.Select(t => t.TeamId).Order().ToArray());
        Assert.Equal([3, 4], story.Values.Select(v => v.ValueId).Order().ToArray());
        Assert.Single(story.Quotes);
        Assert.Equal(later, story.UpdatedAt);
        Assert.Equal(status, story.Status);
    }

    [Fact]
    public void A_story_needs_a_title_of_at_most_the_limit()
    {
        var blank = Refused(() => new Story(Author, Complete(" \n "), Now));
        var tooLong = Refused(() => new Story(Author, Complete(new string('t', Story.TitleMaxLength + 1)), Now));
        var longest = new Story(Author, Complete(new string('t', Story.TitleMaxLength)), Now);

        Assert.Equal("Title", Assert.Single(blank).Field);
        Assert.Equal("Title", Assert.Single(tooLong).Field);
        Assert.Equal(Story.TitleMaxLength, longest.Title.Length);
    }

    [Fact]
    public void The_title_is_kept_on_one_line()
    {
        var story = new Story(Author, Complete("  The van\r\nthat   saved\ta wedding "), Now);

        Assert.Equal("The van that saved a wedding", story.Title);
    }

    [Fact]
    public void Narrative_text_is_trimmed_and_keeps_its_paragraphs()
    {
        var content = Complete() with
        {
            Situation = "  First paragraph.\r\n\r\nSecond paragraph.\rThird line.  ",
            Prevention = "   ",
        };

        var story = new Story(Author, content, Now);

        Assert.Equal("First paragraph.\n\nSecond paragraph.\nThird line.", story.Situation);
        Assert.Null(story.Prevention);
    }

    [Fact]
    public void Narrative_over_the_limit_is_refused_naming_the_field()
    {
        var content = Complete() with
        {
            Outcome = new string('o', Story.NarrativeMaxLength + 1),
            Prevention = new string('p', Story.PreventionMaxLength + 1),
        };

        var errors = Refused(() => new Story(Author, content, Now));

        Assert.Equal(["Prevention", "Outcome"], errors.Fields());
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var story = Draft();
        var before = (story.Title, story.Situation, story.OccurredOn, story.UpdatedAt);

        Refused(() => story.Edit(Complete("New title") with { Situation = "New situation", SpendAmount = 10m }, Now.AddDays(1)));

        Assert.Equal(before, (story.Title, story.Situation, story.OccurredOn, story.UpdatedAt));
        Assert.Null(story.Spend);
    }

    [Fact]
    public void The_date_it_happened_may_be_today_anywhere_on_earth()
    {
        // At noon UTC it is already the next day in UTC+14 (Kiribati).
        var tomorrowInKiribati = Today.AddDays(1);

        var story = new Story(Author, Complete() with { OccurredOn = tomorrowInKiribati }, Now);

        Assert.Equal(tomorrowInKiribati, story.OccurredOn);
    }

    [Fact]
    public void A_date_later_than_today_anywhere_on_earth_is_refused()
    {
        var errors = Refused(() => new Story(Author, Complete() with { OccurredOn = Today.AddDays(2) }, Now));

        Assert.Equal("OccurredOn", Assert.Single(errors).Field);
    }

    [Fact]
    public void Before_ten_in_the_morning_utc_tomorrow_is_still_the_future_everywhere()
    {
        var early = new DateTimeOffset(2026, 3, 10, 9, 59, 0, TimeSpan.Zero);
        var tomorrow = new DateOnly(2026, 3, 11);

        var errors = Refused(() => new Story(Author, Complete() with { OccurredOn = tomorrow }, early));
        var atTen = new Story(Author, Complete() with { OccurredOn = tomorrow }, early.AddMinutes(1));

        Assert.Equal("OccurredOn", Assert.Single(errors).Field);
        Assert.Equal(tomorrow, atTen.OccurredOn);
    }

    [Fact]
    public void The_future_is_judged_by_the_time_of_the_edit_not_of_creation()
    {
        var story = Draft();
        var inThreeDays = Today.AddDays(3);

        Refused(() => story.Edit(Complete() with { OccurredOn = inThreeDays }, Now));
        story.Edit(Complete() with { OccurredOn = inThreeDays }, Now.AddDays(3));

        Assert.Equal(inThreeDays, story.OccurredOn);
    }

    [Fact]
    public void A_date_before_2000_is_refused()
    {
        var errors = Refused(() => new Story(Author, Complete() with { OccurredOn = new DateOnly(1999, 12, 31) }, Now));

        Assert.Equal("OccurredOn", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_complete_spend_is_kept_with_the_currency_in_capitals()
    {
        var story = new Story(Author, WithSpend(49.95m, " eur ", "  A bouquet for the customer "), Now);

        Assert.Equal(new Spend(49.95m, "EUR", "A bouquet for the customer"), story.Spend);
        Assert.Equal("EUR 49.95", story.Spend!.ToString());
    }

    [Fact]
    public void An_amount_without_a_currency_is_refused()
    {
        var errors = Refused(() => new Story(Author, WithSpend(20m, null, "Taxi fare"), Now));

        Assert.Equal("SpendCurrency", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_currency_or_purpose_without_an_amount_is_refused()
    {
        var errors = Refused(() => new Story(Author, WithSpend(null, "EUR", "Taxi fare"), Now));

        Assert.Equal("SpendAmount", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("€")]
    [InlineData("ÉUR")]
    public void A_currency_that_is_not_three_letters_is_refused(string currency)
    {
        var errors = Refused(() => new Story(Author, WithSpend(20m, currency, "Taxi fare"), Now));

        Assert.Equal("SpendCurrency", Assert.Single(errors).Field);
    }

    [Fact]
    public void An_amount_with_more_than_two_decimals_is_refused()
    {
        var errors = Refused(() => new Story(Author, WithSpend(12.345m, "EUR", "Taxi fare"), Now));

        var error = Assert.Single(errors);
        Assert.Equal("SpendAmount", error.Field);
        Assert.Contains("two decimal places", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100000.01")]
    public void An_amount_out_of_range_is_refused(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var errors = Refused(() => new Story(Author, WithSpend(value, "EUR", "Taxi fare"), Now));

        Assert.Equal("SpendAmount", Assert.Single(errors).Field);
    }

    [Fact]
    public void The_largest_allowed_amount_is_accepted()
    {
        var story = new Story(Author, WithSpend(Story.SpendMaxAmount, "USD", "A replacement machine"), Now);

        Assert.Equal(Story.SpendMaxAmount, story.Spend!.Amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_spend_needs_its_purpose(string? purpose)
    {
        var errors = Refused(() => new Story(Author, WithSpend(20m, "EUR", purpose), Now));

        Assert.Equal("SpendPurpose", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_spend_purpose_over_the_limit_is_refused()
    {
        var errors = Refused(() => new Story(Author, WithSpend(20m, "EUR", new string('p', Story.SpendPurposeMaxLength + 1)), Now));

        Assert.Equal("SpendPurpose", Assert.Single(errors).Field);
    }

    [Fact]
    public void Clearing_every_spend_field_removes_the_spend()
    {
        var story = new Story(Author, WithSpend(20m, "EUR", "Taxi fare"), Now);
        Assert.NotNull(story.Spend);

        story.Edit(WithSpend(null, "  ", ""), Now.AddHours(1));

        Assert.Null(story.Spend);
    }

    [Fact]
    public void Every_spend_problem_is_reported_at_once()
    {
        var errors = Refused(() => new Story(Author, WithSpend(1.001m, "X", null), Now));

        Assert.Equal(["SpendAmount", "SpendCurrency", "SpendPurpose"], errors.Fields());
    }

    [Fact]
    public void Crediting_nobody_is_refused()
    {
        var story = Draft();

        var emptyList = Assert.Single(Refused(() => story.SetHeroes([])));
        var blanks = Assert.Single(Refused(() => story.SetHeroes(["", "  "])));

        Assert.Equal("Heroes", emptyList.Field);
        Assert.Equal("Heroes", blanks.Field);
        Assert.Equal(Author, Assert.Single(story.Heroes).PersonId);
    }

    [Fact]
    public void Up_to_twelve_people_can_be_credited()
    {
        var story = Draft();
        var twelve = Enumerable.Range(1, Story.MaxHeroes).Select(i => $"person-{i}").ToList();

        story.SetHeroes([.. twelve, "person-1", "person-2"]);

        Assert.Equal(twelve.Order(StringComparer.Ordinal), story.Heroes.Select(h => h.PersonId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Crediting_a_thirteenth_person_is_refused()
    {
        var story = Draft();
        var thirteen = Enumerable.Range(1, Story.MaxHeroes + 1).Select(i => $"person-{i}").ToList();

        var error = Assert.Single(Refused(() => story.SetHeroes(thirteen)));

        Assert.Equal("Heroes", error.Field);
        Assert.Equal(Author, Assert.Single(story.Heroes).PersonId);
    }

    [Fact]
    public void Setting_heroes_teams_and_values_replaces_the_previous_ones()
    {
        var story = Draft();
        story.SetHeroes([Author, "a", "b"]);
        story.SetTeams([1, 2]);
        story.SetValues([10, 11]);

        story.SetHeroes(["b", "c"]);
        story.SetTeams([2, 3, 3]);
        story.SetValues([]);

        Assert.Equal(["b", "c"], story.Heroes.Select(h => h.PersonId).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([2, 3], story.Teams.Select(t => t.TeamId).Order().ToArray());
        Assert.Empty(story.Values);
    }

    [Fact]
    public void The_content_type_checks_itself_and_hands_back_what_a_story_keeps()
    {
        var checkedContent = WithSpend(12.50m, "eur", " Flowers ").Check(Now);

        Assert.Equal("The van that saved a wedding", checkedContent.Title);
        Assert.Equal(new Spend(12.50m, "EUR", "Flowers"), checkedContent.Spend);
        Assert.Equal(["Title"], Refused(() => TitleOnly("  ").Check(Now)).Fields());
    }
}
