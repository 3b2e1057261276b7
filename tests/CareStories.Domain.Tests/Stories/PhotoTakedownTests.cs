using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class PhotoTakedownTests
{
    private const string Admin = "admin-id";

    private static int _keys;

    private static (Story Story, StoryPhoto Photo) WithPhotoIn(StoryStatus status)
    {
        var story = Draft();
        var key = Interlocked.Increment(ref _keys).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        var photo = story.AddPhoto(new StoredPhotoFile(key, "image/jpeg", 1600, 1200, 480, 360, 250_000), "Ana at her front door", Now);
        switch (status)
        {
            case StoryStatus.Draft:
                break;
            case StoryStatus.Submitted:
                story.Submit(Author, Now.AddMinutes(1));
                break;
            case StoryStatus.ChangesRequested:
                story.Submit(Author, Now.AddMinutes(1));
                story.RequestChanges(Reviewer, "Add what the customer said.", Now.AddMinutes(2));
                break;
            case StoryStatus.Published:
                story.Submit(Author, Now.AddMinutes(1));
                story.Publish(Reviewer, Now.AddMinutes(2));
                break;
            case StoryStatus.Withdrawn:
                story.Submit(Author, Now.AddMinutes(1));
                story.Withdraw(Author, Now.AddMinutes(2));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, story.Status);
        return (story, photo);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void An_admin_takes_a_photo_down_whatever_the_status_and_gets_it_back_to_delete_its_files(StoryStatus status)
    {
        var (story, photo) = WithPhotoIn(status);

        var removed = story.TakeDownPhoto(photo.Id, Admin, "Shows the customer's licence plate.", Now.AddDays(1));

        Assert.Same(photo, removed);
        Assert.Empty(story.Photos);
        Assert.Equal(status, story.Status);
    }

    [Fact]
    public void A_takedown_records_who_when_and_the_trimmed_reason_but_nothing_of_the_photo()
    {
        var (story, photo) = WithPhotoIn(StoryStatus.Published);

        story.TakeDownPhoto(photo.Id, Admin, "  Shows the customer's\r\nhouse number.  ", Now.AddDays(1));

        var record = Assert.Single(story.PhotoTakedowns);
        Assert.Equal((Admin, "Shows the customer's\nhouse number.", Now.AddDays(1)), (record.AdminId, record.Reason, record.At));
        var kept = typeof(PhotoTakedown).GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(kept, name => name.Contains("Alt", StringComparison.Ordinal) || name.Contains("Key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void A_takedown_without_a_reason_is_refused_and_removes_nothing(string? reason)
    {
        var (story, photo) = WithPhotoIn(StoryStatus.Published);

        var errors = Refused(() => story.TakeDownPhoto(photo.Id, Admin, reason, Now));

        var error = Assert.Single(errors);
        Assert.Equal(("Reason", "Say why the photo is being removed; the reason is kept on record."), (error.Field, error.Message));
        Assert.Single(story.Photos);
        Assert.Empty(story.PhotoTakedowns);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var (story, photo) = WithPhotoIn(StoryStatus.Published);

        var errors = Refused(() => story.TakeDownPhoto(photo.Id, Admin, new string('a', PhotoTakedown.ReasonMaxLength + 1), Now));
        Assert.Equal("Reason", Assert.Single(errors).Field);
        Assert.Single(story.Photos);

        story.TakeDownPhoto(photo.Id, Admin, " " + new string('a', PhotoTakedown.ReasonMaxLength) + " ", Now);
        Assert.Equal(PhotoTakedown.ReasonMaxLength, Assert.Single(story.PhotoTakedowns).Reason.Length);
    }

    [Fact]
    public void A_photo_that_is_not_on_the_story_is_refused()
    {
        var (story, _) = WithPhotoIn(StoryStatus.Published);

        Refused(() => story.TakeDownPhoto(12345, Admin, "Shows a face.", Now));

        Assert.Single(story.Photos);
        Assert.Empty(story.PhotoTakedowns);
    }
}
