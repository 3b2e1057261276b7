using CareStories.Domain.Thanks;

namespace CareStories.Domain.Tests.Thanks;

public sealed class ThanksAccessTests
{
    private static readonly ThanksTarget Jamie = new("jamie", [1, 2]);
    private static readonly ThanksTarget SupportTeam = new(null, [1]);

    private static StoryViewer Employee(string id) => new(id, false, []);

    private static StoryViewer Manager(string id, params int[] teams) => new(id, false, teams);

    [Fact]
    public void A_person_makes_links_for_themselves_only()
    {
        Assert.True(ThanksAccess.CanMakeLinkFor(Jamie, Employee("jamie")));
        Assert.False(ThanksAccess.CanMakeLinkFor(Jamie, Employee("ana")));
        Assert.False(ThanksAccess.CanMakeLinkFor(SupportTeam, Employee("jamie")));
    }

    [Fact]
    public void A_manager_makes_links_for_their_teams_and_their_people_but_not_another_teams()
    {
        Assert.True(ThanksAccess.CanMakeLinkFor(Jamie, Manager("sam", 2)));
        Assert.True(ThanksAccess.CanMakeLinkFor(SupportTeam, Manager("sam", 1)));
        Assert.False(ThanksAccess.CanMakeLinkFor(SupportTeam, Manager("sam", 2)));
        Assert.False(ThanksAccess.CanMakeLinkFor(Jamie, Manager("lee", 3)));
    }

    [Fact]
    public void An_admin_makes_links_for_anyone()
    {
        Assert.True(ThanksAccess.CanMakeLinkFor(Jamie, new StoryViewer("morgan", true, [])));
        Assert.True(ThanksAccess.CanMakeLinkFor(SupportTeam, new StoryViewer("morgan", true, [])));
    }

    [Fact]
    public void Whoever_made_a_link_may_manage_it_even_after_leaving_the_team()
    {
        Assert.True(ThanksAccess.CanManageLink(SupportTeam, "sam", Manager("sam")));
        Assert.False(ThanksAccess.CanManageLink(SupportTeam, "sam", Employee("ana")));
    }

    [Fact]
    public void The_person_thanked_never_decides_even_as_manager_or_admin()
    {
        Assert.False(ThanksAccess.CanDecide(Jamie, new StoryViewer("jamie", true, [1])));
        Assert.True(ThanksAccess.CanDecide(Jamie, Manager("sam", 1)));
        Assert.False(ThanksAccess.CanDecide(Jamie, Manager("lee", 3)));
        Assert.True(ThanksAccess.CanDecide(SupportTeam, new StoryViewer("morgan", true, [])));
    }
}
