using CareStories.Domain.Catalogue;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Catalogue;

public sealed class BadgeTests
{
    [Fact]
    public void A_badge_keeps_its_name_description_colour_and_emoji_trimmed()
    {
        var badge = new Badge("  Customer   star ", " Went far beyond. ", BadgeColour.Rose, " 🌟 ");

        Assert.Equal("Customer star", badge.Name);
        Assert.Equal("Went far beyond.", badge.Description);
        Assert.Equal(BadgeColour.Rose, badge.Colour);
        Assert.Equal("🌟", badge.Emoji);
        Assert.Equal("rose", badge.Colour.Css());
    }

    [Theory]
    [InlineData("❤️")]
    [InlineData("👍🏽")]
    [InlineData("🇳🇱")]
    [InlineData("🛠")]
    public void Single_emoji_are_accepted(string emoji)
    {
        var badge = new Badge("Fixer", "Fixed it.", BadgeColour.Teal, emoji);

        Assert.Equal(emoji, badge.Emoji);
    }

    [Theory]
    [InlineData("star")]
    [InlineData("<b>")]
    [InlineData("🌟🌟🌟")]
    [InlineData("1")]
    public void Words_markup_or_several_emoji_are_refused_as_the_emoji(string emoji)
    {
        var refused = Refused(() => _ = new Badge("Fixer", "Fixed it.", BadgeColour.Teal, emoji));

        Assert.Equal(["Emoji"], refused.Fields());
    }

    [Fact]
    public void A_badge_needs_a_name_a_description_and_a_known_colour()
    {
        var refused = Refused(() => _ = new Badge(" ", "", (BadgeColour)42));

        Assert.Equal(["Name", "Description", "Colour"], refused.Fields());
    }

    [Fact]
    public void Empty_emoji_means_none()
    {
        var badge = new Badge("Fixer", "Fixed it.", BadgeColour.Teal, "  ");

        Assert.Null(badge.Emoji);
    }
}
