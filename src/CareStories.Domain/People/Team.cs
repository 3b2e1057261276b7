namespace CareStories.Domain.People;

/// <summary>Whether a team meets customers or enables those who do; both kinds' stories count.</summary>
public enum TeamKind
{
    CustomerFacing = 0,
    BehindTheScenes = 1,
}

public static class TeamKindText
{
    public static string Label(this TeamKind kind) => kind switch
    {
        TeamKind.CustomerFacing => "Customer-facing",
        TeamKind.BehindTheScenes => "Behind the scenes",
        _ => kind.ToString(),
    };
}

public sealed class Team
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 300;

    private readonly List<TeamMembership> _memberships = [];

    private Team()
    {
    }

    public Team(string name, TeamKind kind, string? description = null)
    {
        Update(name, kind, description);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public TeamKind Kind { get; private set; }

    public string? Description { get; private set; }

    public IReadOnlyCollection<TeamMembership> Memberships => _memberships;

    public void Update(string name, TeamKind kind, string? description)
    {
        var errors = new List<DomainError>();
        var trimmed = Stories.TextRules.SingleLine(name);
        if (trimmed.Length == 0)
        {
            errors.Add(new(nameof(Name), "Enter the team's name."));
        }
        else if (trimmed.Length > NameMaxLength)
        {
            errors.Add(new(nameof(Name), $"Keep the team's name to {NameMaxLength:N0} characters or fewer."));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(Kind), "Choose whether the team is customer-facing or behind the scenes."));
        }

        var text = Stories.TextRules.NormalizeOptional(description);
        if (text is { Length: > DescriptionMaxLength })
        {
            errors.Add(new(nameof(Description), $"Keep the description to {DescriptionMaxLength:N0} characters or fewer."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Name = trimmed;
        Kind = kind;
        Description = text;
    }

    /// <summary>Makes the team's people exactly these: managers are also members of the team.</summary>
    public void SetPeople(IReadOnlyCollection<string> memberIds, IReadOnlyCollection<string> managerIds)
    {
        var wanted = memberIds.Union(managerIds).ToHashSet(StringComparer.Ordinal);
        _memberships.RemoveAll(m => !wanted.Contains(m.PersonId));
        foreach (var personId in wanted)
        {
            var isManager = managerIds.Contains(personId);
            var existing = _memberships.Find(m => m.PersonId == personId);
            if (existing is null)
            {
                _memberships.Add(new TeamMembership(this, personId, isManager));
            }
            else
            {
                existing.IsManager = isManager;
            }
        }
    }
}

/// <summary>A person's place in a team; managers review the stories of the people in their teams.</summary>
public sealed class TeamMembership
{
    private TeamMembership()
    {
    }

    internal TeamMembership(Team team, string personId, bool isManager)
    {
        Team = team;
        PersonId = personId;
        IsManager = isManager;
    }

    public int TeamId { get; private set; }

    public Team Team { get; private set; } = null!;

    public string PersonId { get; private set; } = "";

    public Person Person { get; private set; } = null!;

    public bool IsManager { get; internal set; }
}
