using CareStories.Domain.Settings;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Settings;

public sealed class CompanySettingsTests
{
    [Fact]
    public void By_default_stories_are_reviewed_and_stand_out_after_three_days()
    {
        var settings = new CompanySettings();

        Assert.False(settings.PublishWithoutReview);
        Assert.Equal(3, settings.ReviewOverdueDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Overdue_days_outside_one_to_sixty_are_refused(int days)
    {
        var settings = new CompanySettings();

        var refused = Refused(() => settings.Update(true, days));

        Assert.Equal(["ReviewOverdueDays"], refused.Fields());
        Assert.False(settings.PublishWithoutReview);
    }
}
