namespace CareStories.Domain.Insights;

/// <summary>A team the figures can be about: its id, name and kind.</summary>
public sealed record ScopeTeam(int Id, string Name, TeamKind Kind);

/// <summary>
/// Whose figures these are: the teams counted (already narrowed to what the viewer may see and the filters they
/// chose). <see cref="WholeCompany"/> is true only for a leader or admin with no filter: then people without a team
/// count too, and stories are not filtered by team at all.
/// </summary>
public sealed record InsightsScope(IReadOnlyList<ScopeTeam> Teams, bool WholeCompany)
{
    public IReadOnlyList<int> TeamIds { get; } = Teams.Select(t => t.Id).ToList();

    public bool IsEmpty => !WholeCompany && Teams.Count == 0;

    /// <summary>
    /// The viewer's teams (all teams for leaders and admins, <paramref name="visible"/>), narrowed by a team and a kind.
    /// </summary>
    public static InsightsScope For(IReadOnlyList<ScopeTeam> visible, bool seesWholeCompany, int? teamId, TeamKind? kind)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var teams = visible.Where(t => (teamId is null || t.Id == teamId) && (kind is null || t.Kind == kind)).ToList();
        return new InsightsScope(teams, seesWholeCompany && teamId is null && kind is null);
    }
}
