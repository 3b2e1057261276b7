using CareStories.Domain.People;

namespace CareStories.Domain.Tests.Stories;

/// <summary>
/// A right-to-left override (U+202E) or another invisible bidirectional control typed into a short text would make
/// it show reversed or out of order to everyone else; every person-entered text drops them.
/// </summary>
public sealed class InvisibleControlsTests
{
    private const string Reversed = "Refund \u202Edesrever\u202C done \u2066isolated\u2069 \u200Fmark";

    [Fact]
    public void A_story_title_keeps_its_words_but_not_the_controls()
    {
        var story = new Story(StoryMaker.Author, StoryMaker.TitleOnly(Reversed), StoryMaker.Now);

        Assert.Equal("Refund desrever done isolated mark", story.Title);
    }

    [Fact]
    public void A_person_name_and_job_title_lose_the_controls()
    {
        var person = new Person("someone@example.test", "Ana \u202EsemoG", "Lead\u202E of support", StoryMaker.Now);

        Assert.Equal("Ana semoG", person.DisplayName);
        Assert.Equal("Lead of support", person.JobTitle);
    }

    [Fact]
    public void A_team_name_loses_the_controls()
    {
        Assert.Equal("Billing", new Team("Bil\u202Bling", TeamKind.BehindTheScenes).Name);
    }

    [Fact]
    public void Controls_alone_are_no_text_at_all()
    {
        Assert.Equal("", TextRules.SingleLine("\u202E\u202C \u2066"));
        Assert.Null(TextRules.NormalizeOptional("\u200E\n\u200F"));
    }

    [Fact]
    public void The_zero_width_joiner_that_holds_emoji_together_stays()
    {
        const string Technologist = "\U0001F469\u200D\U0001F4BB";

        Assert.Equal(Technologist, TextRules.SingleLine(Technologist));
    }
}
