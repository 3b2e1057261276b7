namespace CareStories.Domain.Insights;

/// <summary>How many people in a team were recognised, and the team's stories and celebrations, in a period.</summary>
public sealed record TeamCoverage(ScopeTeam Team, int People, int Recognised, int Stories, int Celebrations);

/// <summary>One kind of team's people, stories and celebrations (team credits: a story of two teams counts for each).</summary>
public sealed record KindShare(TeamKind Kind, int People, int Stories, int Celebrations);

/// <summary>
/// Who was recognised in the period: credited in a story published in it, or in a published story celebrated in
/// it. <see cref="People"/> is everyone active in the scope (their current teams).
/// </summary>
public sealed record CoverageFigures(int People, int Recognised, IReadOnlyList<TeamCoverage> Teams, IReadOnlyList<KindShare> Kinds)
{
    public int TotalPeopleCredits => Kinds.Sum(k => k.People);

    public int TotalStoryCredits => Kinds.Sum(k => k.Stories);

    public int TotalCelebrationCredits => Kinds.Sum(k => k.Celebrations);
}

/// <summary>What kind of thing a trend counts.</summary>
public enum TrendMetric
{
    Submitted = 0,
    Published = 1,
    Celebrations = 2,
    Applause = 3,
    CustomerThanks = 4,
}

public static class TrendMetricText
{
    public static string Label(this TrendMetric metric) => metric switch
    {
        TrendMetric.Submitted => "Stories submitted",
        TrendMetric.Published => "Stories published",
        TrendMetric.Celebrations => "Celebrations",
        TrendMetric.Applause => "Applause",
        TrendMetric.CustomerThanks => "Customer thank-yous",
        _ => metric.ToString(),
    };
}

/// <summary>One measure by month: all teams in the scope, and each kind of team (a story of both kinds counts in each).</summary>
public sealed record TrendSeries(TrendMetric Metric, IReadOnlyList<int> Total, IReadOnlyList<int> CustomerFacing, IReadOnlyList<int> BehindTheScenes);

public sealed record Tally(string Name, int Count);

/// <summary>Who gave the celebrations: one person's count and whether they are a leader.</summary>
public sealed record CelebratorTally(string Name, bool IsLeader, int Count);

/// <summary>
/// Decisions on stories (published or sent back by a reviewer) in the period, and how long each had waited since it
/// was last submitted, in whole hours; <see cref="Overdue"/> is stories waiting now for longer than the company allows.
/// </summary>
public sealed record ReviewFigures(int Decisions, int SentBack, int? MedianHours, int? Percentile90Hours, int Overdue)
{
    public double? SendBackRate => Decisions == 0 ? null : (double)SentBack / Decisions;
}

public sealed record TeamReview(ScopeTeam Team, ReviewFigures Figures);

/// <summary>Someone nobody has recognised lately; <see cref="LastRecognisedAt"/> is null when never.</summary>
public sealed record NotRecognisedPerson(string Id, string Name, DateTimeOffset? LastRecognisedAt);

/// <summary>The few figures a leader's home page shows, each leading into Insights.</summary>
public sealed record HeadlineFigures(int People, int Recognised, int Published, int Celebrations, int NotRecognised, int Overdue);
