using CareStories.Domain.People;

namespace CareStories.Domain.Tests.People;

public sealed class TeamTests
{
    [Fact]
    public void A_team_keeps_a_trimmed_name_kind_and_description()
    {
        var team = new Team("  Billing ", TeamKind.BehindTheScenes, "   ");

        Assert.Equal("Billing", team.Name);
        Assert.Equal(TeamKind.BehindTheScenes, team.Kind);
        Assert.Null(team.Description);
    }

    [Fact]
    public void Every_team_problem_is_reported_at_once()
    {
        var errors = Assert.Throws<DomainException>(() =>
            new Team(" ", (TeamKind)9, new string('d', Team.DescriptionMaxLength + 1))).Errors;

        Assert.Equal(["Name", "Kind", "Description"], errors.Fields());
    }

    [Fact]
    public void A_team_name_over_the_limit_is_refused_and_the_team_is_unchanged()
    {
        var team = new Team("Billing", TeamKind.BehindTheScenes);

        var errors = Assert.Throws<DomainException>(() =>
            team.Update(new string('n', Team.NameMaxLength + 1), TeamKind.CustomerFacing, null)).Errors;

        Assert.Equal("Name", Assert.Single(errors).Field);
        Assert.Equal("Billing", team.Name);
        Assert.Equal(TeamKind.BehindTheScenes, team.Kind);
    }

    [Fact]
    public void Managers_are_members_of_their_team()
    {
        var team = new Team("Support", TeamKind.CustomerFacing);

        team.SetPeople(["ann", "bob"], ["bob", "cat"]);

        var people = team.Memberships.OrderBy(m => m.PersonId, StringComparer.Ordinal)
            .Select(m => (m.PersonId, m.IsManager)).ToArray();
        Assert.Equal([("ann", false), ("bob", true), ("cat", true)], people);
    }

    [Fact]
    public void Setting_people_again_replaces_members_and_updates_who_manages()
    {
        var team = new Team("Support", TeamKind.CustomerFacing);
        team.SetPeople(["ann", "bob"], ["bob"]);

        team.SetPeople(["bob", "dan"], ["dan"]);

        var people = team.Memberships.OrderBy(m => m.PersonId, StringComparer.Ordinal)
            .Select(m => (m.PersonId, m.IsManager)).ToArray();
        Assert.Equal([("bob", false), ("dan", true)], people);
    }

    [Fact]
    public void A_team_can_be_emptied()
    {
        var team = new Team("Support", TeamKind.CustomerFacing);
        team.SetPeople(["ann"], ["bob"]);

        team.SetPeople([], []);

        Assert.Empty(team.Memberships);
    }
}
