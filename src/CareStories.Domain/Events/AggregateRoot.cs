namespace CareStories.Domain.Events;

/// <summary>Something that happened to an aggregate that others may need to hear about.</summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}

/// <summary>
/// An entity that raises domain events. The DbContext collects them when it saves and turns them into
/// notification rows in the same <c>SaveChanges</c>, so the news is saved with the change or not at all.
/// </summary>
public abstract class AggregateRoot
{
    // Not named after the property, so EF Core never takes it for a mapped collection.
    private readonly List<IDomainEvent> _raised = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _raised;

    protected void Raise(IDomainEvent domainEvent) => _raised.Add(domainEvent);

    internal void ClearDomainEvents() => _raised.Clear();
}
