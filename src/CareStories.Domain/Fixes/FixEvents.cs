using CareStories.Domain.Events;

namespace CareStories.Domain.Fixes;

/// <summary>Someone proposed a fix; the owning team's managers hear. The fix is new: EF sets its id on save.</summary>
public sealed record FixProposed(Fix Fix, DateTimeOffset At) : IDomainEvent;

/// <summary>A manager accepted a fix; its owner hears it is theirs and whoever raised it hears it was accepted.</summary>
public sealed record FixAccepted(Fix Fix, string ManagerId, DateTimeOffset At) : IDomainEvent;

/// <summary>A manager declined a fix with a reason; whoever raised it hears.</summary>
public sealed record FixDeclined(Fix Fix, string ManagerId, DateTimeOffset At) : IDomainEvent;

/// <summary>A fix is done; the prompting stories' authors and heroes and whoever raised it hear.</summary>
public sealed record FixDone(Fix Fix, string ActorId, DateTimeOffset At) : IDomainEvent;

/// <summary>A manager or leader celebrated a done fix; the people credited with it hear.</summary>
public sealed record FixCelebrated(int FixId, IReadOnlyCollection<string> CreditedIds, string CelebratorId, DateTimeOffset At) : IDomainEvent;
