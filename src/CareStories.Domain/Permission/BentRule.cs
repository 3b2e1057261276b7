using CareStories.Domain.Events;

namespace CareStories.Domain.Permission;

/// <summary>What a leader decided about a rule people bend for customers.</summary>
public enum RuleDecisionKind
{
    /// <summary>Change the rule: what changes, and who owns the change.</summary>
    Change = 0,

    /// <summary>Keep the rule as it is, and why.</summary>
    Keep = 1,

    /// <summary>Make it one of the must-follow procedures: why, and who owns it.</summary>
    MakeMustFollow = 2,
}

public static class RuleDecisionKindText
{
    public static string Label(this RuleDecisionKind kind) => kind switch
    {
        RuleDecisionKind.Change => "Change the rule",
        RuleDecisionKind.Keep => "Keep the rule",
        RuleDecisionKind.MakeMustFollow => "Make it a must-follow procedure",
        _ => "Decision",
    };
}

/// <summary>
/// A rule or procedure someone bent for a customer, named by the first story that bent it and picked by the later
/// ones, so a leader sees how often each rule gets in customers' way and decides what to do about it. A rule that
/// is a must-follow procedure is linked to it: bending one is something a reviewer must see.
/// </summary>
public sealed class BentRule : AggregateRoot
{
    public const int NameMaxLength = MustFollowProcedure.NameMaxLength;

    private readonly List<RuleDecision> _decisions = [];
    private readonly List<StoryLatitude> _stories = [];

    private BentRule()
    {
    }

    private BentRule(string name, int? procedureId, string namedById, DateTimeOffset at)
    {
        Name = name;
        ProcedureId = procedureId;
        NamedById = namedById;
        NamedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>Unique ignoring capitals (a collation on the column), so "Refund policy" is one rule however it is typed.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The must-follow procedure this rule is, if it is one.</summary>
    public int? ProcedureId { get; private set; }

    public MustFollowProcedure? Procedure { get; private set; }

    public string NamedById { get; private set; } = "";

    public DateTimeOffset NamedAt { get; private set; }

    /// <summary>Two leaders deciding at once cannot both win unseen.</summary>
    public int Version { get; private set; }

    /// <summary>Every decision, kept: the newest is what stands.</summary>
    public IReadOnlyCollection<RuleDecision> Decisions => _decisions;

    /// <summary>The stories that name it, for queries; a rule never loads them.</summary>
    public IReadOnlyCollection<StoryLatitude> Stories => _stories;

    /// <summary>A rule named for the first time by the author of a story.</summary>
    public static BentRule Named(string? name, string authorId, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        var checkedName = CheckName(name, errors);
        return errors.Count > 0 ? throw new DomainException(errors) : new BentRule(checkedName, null, authorId, at);
    }

    /// <summary>A must-follow procedure that a story bends for the first time.</summary>
    public static BentRule ForProcedure(MustFollowProcedure procedure, string authorId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new BentRule(procedure.Name, procedure.Id, authorId, at);
    }

    /// <summary>The name as it will be kept, with a message in <paramref name="errors"/> (field "NewRuleName") if it cannot be.</summary>
    public static string CheckName(string? name, List<DomainError> errors) =>
        MustFollowProcedure.Line(name, "NewRuleName", NameMaxLength, "Name the rule you bent, e.g. “Refunds only with a receipt”.", errors);

    /// <summary>A rule named by stories turns out to be a must-follow procedure (an Admin listed one by that name).</summary>
    public void LinkTo(MustFollowProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Procedure = procedure;
    }

    /// <summary>
    /// A leader's decision on the rule. Making it must-follow adds it to the must-follow procedures (or links the one
    /// already listed under its name, <paramref name="procedureWithSameName"/>). The authors and heroes of the stories
    /// that bent it hear of it.
    /// </summary>
    public RuleDecision Decide(
        RuleDecisionKind kind, string? text, string? owner, string leaderId, DateTimeOffset at,
        MustFollowProcedure? procedureWithSameName = null)
    {
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(RuleDecision.Kind), "Choose what happens to the rule."));
        }

        if (kind == RuleDecisionKind.MakeMustFollow && ProcedureId is not null)
        {
            errors.Add(new(nameof(RuleDecision.Kind), "This is already a must-follow procedure. Change it or keep it instead."));
        }

        var checkedText = MustFollowProcedure.Paragraph(text, nameof(RuleDecision.Text), RuleDecision.TextMaxLength, kind switch
        {
            RuleDecisionKind.Change => "Say what changes in the rule.",
            RuleDecisionKind.Keep => "Say why the rule stays as it is.",
            _ => "Say why it must always be followed.",
        }, errors);
        var checkedOwner = kind == RuleDecisionKind.Keep
            ? null
            : MustFollowProcedure.Line(owner, nameof(RuleDecision.Owner), MustFollowProcedure.OwnerMaxLength, kind == RuleDecisionKind.Change
                ? "Say who owns the change: a person or a role."
                : "Say who owns the procedure: a person or a role.", errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        if (kind == RuleDecisionKind.MakeMustFollow)
        {
            Procedure = procedureWithSameName ?? new MustFollowProcedure(Name, checkedText, checkedOwner, at);
        }

        var decision = new RuleDecision(kind, checkedText, checkedOwner, leaderId, at);
        _decisions.Add(decision);
        Raise(new RuleDecided(this, decision));
        return decision;
    }
}

/// <summary>One decision a leader recorded on a bent rule; never changed afterwards.</summary>
public sealed class RuleDecision
{
    public const int TextMaxLength = 1000;

    private RuleDecision()
    {
    }

    internal RuleDecision(RuleDecisionKind kind, string text, string? owner, string decidedById, DateTimeOffset at)
    {
        Kind = kind;
        Text = text;
        Owner = owner;
        DecidedById = decidedById;
        DecidedAt = at;
    }

    public int Id { get; private set; }

    public int BentRuleId { get; private set; }

    public RuleDecisionKind Kind { get; private set; }

    /// <summary>What changes (Change), why it stays (Keep), or why it must always be followed (MakeMustFollow).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Who owns the change or the procedure; none for Keep.</summary>
    public string? Owner { get; private set; }

    public string DecidedById { get; private set; } = "";

    public DateTimeOffset DecidedAt { get; private set; }
}

/// <summary>A leader decided on a bent rule; the people of the stories that bent it hear.</summary>
public sealed record RuleDecided(BentRule Rule, RuleDecision Decision) : IDomainEvent
{
    public DateTimeOffset At => Decision.DecidedAt;
}
