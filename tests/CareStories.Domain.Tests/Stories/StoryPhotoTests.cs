using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class StoryPhotoTests
{
    private static int _keys;

    private static StoredPhotoFile File() =>
        new(Interlocked.Increment(ref _keys).ToString("x32", System.Globalization.CultureInfo.InvariantCulture), "image/jpeg", 1600, 1200, 480, 360, 250_000);

    [Fact]
    public void A_photo_keeps_its_file_and_a_one_line_description_in_order()
    {
        var story = Draft();
        var file = File();

        var first = story.AddPhoto(file, "  Ana handing \n the bike back  ", Now);
        var second = story.AddPhoto(File(), "The thank-you card", Now);

        Assert.Equal("Ana handing the bike back", first.AltText);
        Assert.Equal(file.StorageKey, first.StorageKey);
        Assert.Equal((1600, 1200, 480, 360), (first.Width, first.Height, first.ThumbnailWidth, first.ThumbnailHeight));
        Assert.True(second.Position > first.Position);
        Assert.Equal(2, story.Photos.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_photo_without_a_description_is_refused(string? altText)
    {
        var story = Draft();

        var errors = Refused(() => story.AddPhoto(File(), altText, Now));

        Assert.Equal(nameof(StoryPhoto.AltText), Assert.Single(errors).Field);
        Assert.Empty(story.Photos);
    }

    [Fact]
    public void A_description_longer_than_the_limit_is_refused()
    {
        var errors = Refused(() => StoryPhoto.NormalizeAltText(new string('a', StoryPhoto.AltTextMaxLength + 1)));

        Assert.Contains("250", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seventh_photo_is_refused_before_anything_is_stored()
    {
        var story = Draft();
        for (var i = 0; i < Story.MaxPhotos; i++)
        {
            story.AddPhoto(File(), $"Photo {i}", Now);
        }

        var errors = Refused(story.EnsureRoomForPhoto);

        Assert.Equal("Photo", Assert.Single(errors).Field);
        Refused(() => story.AddPhoto(File(), "One more", Now));
        Assert.Equal(Story.MaxPhotos, story.Photos.Count);
    }

    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Photos_cannot_be_added_once_the_story_is_not_editable(StoryStatus status)
    {
        var story = InStatus(status);

        Refused(story.EnsureRoomForPhoto);
        Refused(() => story.AddPhoto(File(), "Too late", Now));
    }

    [Fact]
    public void Removing_a_photo_hands_it_back_so_its_files_can_be_deleted()
    {
        var story = Draft();
        var photo = story.AddPhoto(File(), "The repaired bike", Now);

        var removed = story.RemovePhoto(photo.Id, Now);

        Assert.Same(photo, removed);
        Assert.Empty(story.Photos);
    }

    [Fact]
    public void A_new_description_is_checked_like_the_first()
    {
        var story = Draft();
        var photo = story.AddPhoto(File(), "The repaired bike", Now);

        story.DescribePhoto(photo.Id, " Ana and the repaired bike ", Now);
        Refused(() => story.DescribePhoto(photo.Id, "", Now));

        Assert.Equal("Ana and the repaired bike", photo.AltText);
    }
}
