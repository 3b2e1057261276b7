using CareStories.Domain.Catalogue;

namespace CareStories.Domain.Stories;

/// <summary>A person credited with a story: the hero.</summary>
public sealed class StoryHero
{
    private StoryHero()
    {
    }

    internal StoryHero(string personId) => PersonId = personId;

    public int StoryId { get; private set; }

    public string PersonId { get; private set; } = "";

    public Person Person { get; private set; } = null!;
}

public sealed class StoryTeam
{
    private StoryTeam()
    {
    }

    internal StoryTeam(int teamId) => TeamId = teamId;

    public int StoryId { get; private set; }

    public int TeamId { get; private set; }

    /// <summary>
    /// The team's kind, copied onto the link so that Insights tests "has this story a team of kind K" from the
    /// (StoryId, Kind) index alone, with no lookup of the team's row per counted story. Set when the link is saved
    /// and rewritten in the same save when an admin changes the team's kind (<see cref="Data.StoryTeamKinds"/>).
    /// </summary>
    public TeamKind Kind { get; private set; }

    public Team Team { get; private set; } = null!;
}

public sealed class StoryValue
{
    private StoryValue()
    {
    }

    internal StoryValue(int valueId) => ValueId = valueId;

    public int StoryId { get; private set; }

    public int ValueId { get; private set; }

    public CareValue Value { get; private set; } = null!;
}
