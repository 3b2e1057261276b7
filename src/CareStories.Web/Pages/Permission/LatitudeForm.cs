using System.Globalization;
using CareStories.Domain.Permission;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Permission;

/// <summary>What the story form posts about its permission to care (as <c>Input.Latitude.*</c>).</summary>
public sealed class LatitudeInput
{
    /// <summary>The choice of rule: "p12" a must-follow procedure, "r7" a rule named before, "new" one named below.</summary>
    public const string NewRule = "new";

    public string? OverLimitReason { get; set; }

    public string? BentRule { get; set; }

    public string? NewRuleName { get; set; }

    public string? BentRuleWhy { get; set; }

    /// <summary>What a saved story said, for its edit form.</summary>
    public static async Task<LatitudeInput> ReadAsync(CareStoriesDbContext db, int storyId, CancellationToken cancellationToken) =>
        await db.StoryLatitudes.AsNoTracking()
            .Where(l => l.StoryId == storyId)
            .Select(l => new LatitudeInput
            {
                OverLimitReason = l.OverLimitReason,
                BentRule = l.BentRuleId == null ? null : "r" + l.BentRuleId,
                BentRuleWhy = l.BentRuleWhy,
            })
            .SingleOrDefaultAsync(cancellationToken) ?? new LatitudeInput();
}

/// <summary>What the story form needs to show the charter, the limit that applies and the rules to pick from.</summary>
public sealed record LatitudeOptions(
    CharterView Charter, EmpowermentLimits? Limits, IReadOnlyList<LatitudeOptions.RuleOption> Rules)
{
    public static readonly LatitudeOptions None = new(CharterView.Empty, null, []);

    public sealed record RuleOption(string Value, string Name, bool IsProcedure);

    public int? RuleBentValueId => Limits?.RuleBentValueId;

    public ApplicableLimit? LimitFor(IReadOnlyCollection<int> teamIds) => Limits?.For(teamIds);

    public string? TeamName(int? teamId) => Charter.TeamLimits.FirstOrDefault(t => t.TeamId == teamId)?.TeamName;

    public static async Task<LatitudeOptions> LoadAsync(CareStoriesDbContext db, CancellationToken cancellationToken)
    {
        var limits = await db.CurrentLimitsAsync(cancellationToken);
        var charter = await CharterView.ReadAsync(db, cancellationToken);
        // Procedures first (bending one is serious), then the rules people named before, by name.
        var named = await db.BentRules.AsNoTracking()
            .Where(r => r.ProcedureId == null)
            .OrderBy(r => r.Name)
            .Select(r => new RuleOption("r" + r.Id, r.Name, false))
            .ToListAsync(cancellationToken);
        var procedures = charter.Procedures.Select(p => new RuleOption("p" + p.Id.ToString(CultureInfo.InvariantCulture), p.Name, true));
        return new LatitudeOptions(charter, limits, [.. procedures, .. named]);
    }

    /// <summary>
    /// Records the story's spend against its limit and the rule it bent, or puts every refusal beside its field.
    /// The rule is found (or named anew) here; nothing is saved until the page saves the story.
    /// </summary>
    public async Task RecordAsync(
        CareStoriesDbContext db, Story? story, StoryInput input, string me, DateTimeOffset now,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var latitude = input.Latitude;
        var spend = input.SpendAmount is { } amount && !string.IsNullOrWhiteSpace(input.SpendCurrency)
            ? new Spend(amount, input.SpendCurrency.Trim().ToUpperInvariant(), input.SpendPurpose ?? "")
            : null;
        var limit = LimitFor(input.Teams);
        var showsRuleBent = RuleBentValueId is { } valueId && input.Values.Contains(valueId);
        var errors = new List<DomainError>();
        var rule = showsRuleBent ? await FindRuleAsync(db, latitude, me, now, errors, cancellationToken) : null;
        errors.AddRange(StoryLatitude.Check(spend, limit, latitude.OverLimitReason, showsRuleBent, rule is not null || errors.Count > 0, latitude.BentRuleWhy));
        if (errors.Count > 0 || story is null)
        {
            modelState.AddDomainErrors(new DomainException(errors));
            return;
        }

        var saved = story.Id == 0 ? null : await db.StoryLatitudes.SingleOrDefaultAsync(l => l.StoryId == story.Id, cancellationToken);
        if (saved is null)
        {
            saved = new StoryLatitude(story);
            db.StoryLatitudes.Add(saved);
        }

        saved.Record(story.Spend, limit, latitude.OverLimitReason, showsRuleBent, rule, latitude.BentRuleWhy);
    }

    /// <summary>The rule chosen, a procedure's rule (made the first time it is bent), or a newly named one.</summary>
    private async Task<BentRule?> FindRuleAsync(
        CareStoriesDbContext db, LatitudeInput input, string me, DateTimeOffset now, List<DomainError> errors, CancellationToken cancellationToken)
    {
        var choice = input.BentRule?.Trim() ?? "";
        if (choice.Length == 0)
        {
            return null;
        }

        if (choice == LatitudeInput.NewRule)
        {
            var name = BentRule.CheckName(input.NewRuleName, errors);
            if (errors.Count > 0)
            {
                errors[^1] = errors[^1] with { Field = "Latitude.NewRuleName" };
                return null;
            }

            // The same name in other capitals is the same rule; a procedure's name is that procedure.
            if (await db.BentRules.FirstOrDefaultAsync(r => r.Name == name, cancellationToken) is { } known)
            {
                return known;
            }

            if (await db.MustFollowProcedures.FirstOrDefaultAsync(p => p.Name == name, cancellationToken) is { } sameProcedure)
            {
                return await ProcedureRuleAsync(db, sameProcedure, me, now, cancellationToken);
            }

            var rule = BentRule.Named(name, me, now);
            db.BentRules.Add(rule);
            return rule;
        }

        var id = int.TryParse(choice.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        var found = choice[0] switch
        {
            'r' => await db.BentRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken),
            'p' when await db.MustFollowProcedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } procedure =>
                await db.BentRules.FirstOrDefaultAsync(r => r.ProcedureId == id, cancellationToken) ?? await ProcedureRuleAsync(db, procedure, me, now, cancellationToken),
            _ => null,
        };
        if (found is null)
        {
            errors.Add(new("Latitude.BentRule", "Choose the rule from the list, or name a new one."));
        }

        return found;
    }

    private static async Task<BentRule> ProcedureRuleAsync(
        CareStoriesDbContext db, MustFollowProcedure procedure, string me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A rule stories named before the Admin listed it as a procedure becomes that procedure's rule.
        if (await db.BentRules.FirstOrDefaultAsync(r => r.Name == procedure.Name, cancellationToken) is { } sameName)
        {
            sameName.LinkTo(procedure);
            return sameName;
        }

        var rule = BentRule.ForProcedure(procedure, me, now);
        db.BentRules.Add(rule);
        return rule;
    }
}
