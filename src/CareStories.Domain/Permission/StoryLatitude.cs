namespace CareStories.Domain.Permission;

/// <summary>
/// How a story used its permission to care: the empowerment limit that applied when it was last saved, why it went
/// over it, and which rule it bent for the customer and why. One row per story, beside the story rather than in it,
/// so the story's own aggregate stays about its content and review.
/// </summary>
public sealed class StoryLatitude
{
    public const int ReasonMaxLength = 500;
    public const int WhyMaxLength = 1000;

    private StoryLatitude()
    {
    }

    /// <summary>For a story being written now: EF sets the story's id when both are saved.</summary>
    public StoryLatitude(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        Story = story;
        StoryId = story.Id;
    }

    public int StoryId { get; private set; }

    public Story Story { get; private set; } = null!;

    /// <summary>The limit when the story was last saved, so raising or lowering it later does not rewrite the past.</summary>
    public decimal? LimitAmount { get; private set; }

    public string? LimitCurrency { get; private set; }

    /// <summary>The team whose own limit applied; null when it was the company's.</summary>
    public int? LimitTeamId { get; private set; }

    /// <summary>Why the spend went over the limit; only kept while it does.</summary>
    public string? OverLimitReason { get; private set; }

    public int? BentRuleId { get; private set; }

    public BentRule? BentRule { get; private set; }

    /// <summary>Why the rule was bent for this customer.</summary>
    public string? BentRuleWhy { get; private set; }

    /// <summary>
    /// Records the story's spend against its limit and the rule it bent. Spend over the limit needs a reason; spend
    /// in another currency than the limit's is not compared (no exchange rate is invented). A story that shows the
    /// "broke a rule" value names the rule and says why. Refuses with every problem at once.
    /// </summary>
    public void Record(Spend? spend, ApplicableLimit? limit, string? overLimitReason, bool showsRuleBent, BentRule? rule, string? why)
    {
        var errors = Check(spend, limit, overLimitReason, showsRuleBent, rule is not null, why);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        (LimitAmount, LimitCurrency, LimitTeamId) = (limit?.Amount, limit?.Currency, limit?.TeamId);
        OverLimitReason = IsOver(spend, limit?.Amount, limit?.Currency) ? TextRules.NormalizeOptional(overLimitReason) : null;
        BentRule = showsRuleBent ? rule : null;
        BentRuleId = BentRule is { Id: > 0 } known ? known.Id : null;
        BentRuleWhy = showsRuleBent ? TextRules.NormalizeOptional(why) : null;
    }

    /// <summary>Every reason <see cref="Record"/> would refuse, for a form that could not make its story yet.</summary>
    public static IReadOnlyList<DomainError> Check(
        Spend? spend, ApplicableLimit? limit, string? overLimitReason, bool showsRuleBent, bool namesRule, string? why)
    {
        var errors = new List<DomainError>();
        var reason = TextRules.NormalizeOptional(overLimitReason);
        if (IsOver(spend, limit?.Amount, limit?.Currency))
        {
            if (reason is null)
            {
                errors.Add(new("Latitude.OverLimitReason",
                    $"This is {Money.Format(spend!.Amount - limit!.Amount, limit.Currency)} over the limit of {limit}. That is allowed: say in a sentence why it was worth it."));
            }
            else if (reason.Length > ReasonMaxLength)
            {
                errors.Add(new("Latitude.OverLimitReason", $"Keep the reason to {ReasonMaxLength:N0} characters or fewer."));
            }
        }

        if (showsRuleBent)
        {
            var whyText = TextRules.NormalizeOptional(why);
            if (!namesRule)
            {
                errors.Add(new("Latitude.BentRule", "Say which rule or procedure you bent: pick it from the list, or name a new one."));
            }

            if (whyText is null)
            {
                errors.Add(new("Latitude.BentRuleWhy", "Say why bending it was right for this customer."));
            }
            else if (whyText.Length > WhyMaxLength)
            {
                errors.Add(new("Latitude.BentRuleWhy", $"Keep this to {WhyMaxLength:N0} characters or fewer (it has {whyText.Length:N0})."));
            }
        }

        return errors;
    }

    /// <summary>Over the limit: the same currency and more than the limit. Exactly the limit is within it.</summary>
    public static bool IsOver(Spend? spend, decimal? limit, string? limitCurrency) =>
        spend is not null && limit is { } amount && spend.Currency == limitCurrency && spend.Amount > amount;
}
