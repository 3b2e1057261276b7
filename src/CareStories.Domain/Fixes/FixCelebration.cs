using CareStories.Domain.Catalogue;
using CareStories.Domain.Events;

namespace CareStories.Domain.Fixes;

/// <summary>What a done fix's celebration rules read: its status and who is credited with it.</summary>
public sealed record FixRecognitionFacts(int FixId, FixStatus Status, IReadOnlyCollection<string> CreditedIds);

/// <summary>
/// A manager or leader celebrating a done fix with a badge from the same catalogue as stories, once each. Its own
/// aggregate keyed by the fix's id, as a story's celebrations are; the message and badge rules are the stories' own
/// (<see cref="CelebrationRules"/>).
/// </summary>
public sealed class FixCelebration : AggregateRoot
{
    public const string AlreadyCelebrated = "You have already celebrated this fix.";

    private FixCelebration()
    {
    }

    private FixCelebration(int fixId, string celebratorId, int badgeId, string message, DateTimeOffset at)
    {
        FixId = fixId;
        CelebratorId = celebratorId;
        BadgeId = badgeId;
        Message = message;
        At = at;
    }

    /// <summary>Celebrates a done fix; nobody celebrates one they are credited with. The people credited hear.</summary>
    public static FixCelebration Give(FixRecognitionFacts fix, string celebratorId, Badge badge, string? message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(fix);
        if (fix.Status != FixStatus.Done)
        {
            throw new DomainException("Only a done fix can be celebrated.");
        }

        if (fix.CreditedIds.Contains(celebratorId))
        {
            throw new DomainException("You cannot celebrate a fix you are credited with.");
        }

        var text = CelebrationRules.Check(badge, message);
        var celebration = new FixCelebration(fix.FixId, celebratorId, badge.Id, text, at);
        celebration.Raise(new FixCelebrated(fix.FixId, fix.CreditedIds, celebratorId, at));
        return celebration;
    }

    public int Id { get; private set; }

    public int FixId { get; private set; }

    public string CelebratorId { get; private set; } = "";

    public Person Celebrator { get; private set; } = null!;

    public int BadgeId { get; private set; }

    public Badge Badge { get; private set; } = null!;

    public string Message { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
