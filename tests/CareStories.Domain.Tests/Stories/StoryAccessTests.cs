namespace CareStories.Domain.Tests.Stories;

public sealed class StoryAccessTests
{
    private const string Author = "author";
    private const string Hero = "hero";
    private const int StoryTeam = 1;
    private const int AuthorTeam = 2;
    private const int OtherTeam = 3;

    public static TheoryData<StoryStatus> AllStatuses => [.. Enum.GetValues<StoryStatus>()];

    private static readonly StoryViewer AuthorViewer = Viewer(Author);
    private static readonly StoryViewer HeroViewer = Viewer(Hero);
    private static readonly StoryViewer StoryTeamManager = Viewer("manager-of-story-team", managed: [StoryTeam]);
    private static readonly StoryViewer AuthorTeamManager = Viewer("manager-of-author-team", managed: [AuthorTeam]);
    private static readonly StoryViewer OtherTeamManager = Viewer("manager-of-other-team", managed: [OtherTeam]);
    private static readonly StoryViewer Admin = Viewer("admin", isAdmin: true);
    private static readonly StoryViewer OtherEmployee = Viewer("someone-else");

    [Fact]
    public void A_draft_is_visible_only_to_its_author()
    {
        var story = Facts(StoryStatus.Draft);

        Assert.True(StoryAccess.CanRead(story, AuthorViewer));
        Assert.All(
            [HeroViewer, StoryTeamManager, AuthorTeamManager, OtherTeamManager, Admin, OtherEmployee],
            viewer => Assert.False(StoryAccess.CanRead(story, viewer), viewer.PersonId));
    }

    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    public void A_story_under_review_is_visible_to_author_heroes_their_managers_and_admins(StoryStatus status)
    {
        var story = Facts(status);

        Assert.All(
            [AuthorViewer, HeroViewer, StoryTeamManager, AuthorTeamManager, Admin],
            viewer => Assert.True(StoryAccess.CanRead(story, viewer), viewer.PersonId));
    }

    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    public void A_story_under_review_is_hidden_from_other_employees_and_other_teams_managers(StoryStatus status)
    {
        var story = Facts(status);

        Assert.False(StoryAccess.CanRead(story, OtherEmployee));
        Assert.False(StoryAccess.CanRead(story, OtherTeamManager));
    }

    [Fact]
    public void Managing_the_authors_team_is_enough_when_the_story_names_another_team()
    {
        // The story's own team is not one this manager runs; the author's team is, and that is enough.
        var story = Facts(StoryStatus.Submitted) with { ReviewTeamIds = [OtherTeam + 10, AuthorTeam] };

        Assert.True(StoryAccess.CanRead(story, AuthorTeamManager));
        Assert.False(StoryAccess.CanRead(story, StoryTeamManager));
        Assert.True(StoryAccess.ManagesStory(story, AuthorTeamManager));
    }

    [Fact]
    public void Being_a_plain_member_of_the_storys_team_does_not_reveal_it_under_review()
    {
        // Membership is not in StoryViewer: only managed teams count.
        var story = Facts(StoryStatus.Submitted);
        var teammate = Viewer("teammate");

        Assert.False(StoryAccess.CanRead(story, teammate));
    }

    [Fact]
    public void A_published_story_is_visible_to_everyone_signed_in()
    {
        var story = Facts(StoryStatus.Published);

        Assert.All(
            [AuthorViewer, HeroViewer, StoryTeamManager, AuthorTeamManager, OtherTeamManager, Admin, OtherEmployee],
            viewer => Assert.True(StoryAccess.CanRead(story, viewer), viewer.PersonId));
    }

    [Fact]
    public void A_withdrawn_story_stays_with_its_author_heroes_and_admins()
    {
        var story = Facts(StoryStatus.Withdrawn);

        Assert.True(StoryAccess.CanRead(story, AuthorViewer));
        Assert.True(StoryAccess.CanRead(story, HeroViewer));
        Assert.True(StoryAccess.CanRead(story, Admin));
        Assert.False(StoryAccess.CanRead(story, OtherEmployee));
        Assert.False(StoryAccess.CanRead(story, OtherTeamManager));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_the_author_can_change_a_story(StoryStatus status)
    {
        var story = Facts(status);

        Assert.True(StoryAccess.CanChange(story, AuthorViewer));
        Assert.All(
            [HeroViewer, StoryTeamManager, AuthorTeamManager, OtherTeamManager, Admin, OtherEmployee],
            viewer => Assert.False(StoryAccess.CanChange(story, viewer), viewer.PersonId));
    }

    private static StoryAccessFacts Facts(StoryStatus status) =>
        new(1, Author, status, [Author, Hero], [StoryTeam, AuthorTeam]);

    private static StoryViewer Viewer(string id, bool isAdmin = false, IReadOnlyCollection<int>? managed = null) =>
        new(id, isAdmin, managed ?? []);
}
