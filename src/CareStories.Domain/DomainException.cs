namespace CareStories.Domain;

/// <summary>One thing a person did that a rule refuses, with the field it concerns when there is one.</summary>
public sealed record DomainError(string? Field, string Message);

/// <summary>
/// Raised when an entity refuses a change. Its messages are written for the person using the app:
/// pages show them next to the field they name, or in the summary on top.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : this([new DomainError(field, message)])
    {
    }

    public DomainException(IReadOnlyList<DomainError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "The change was refused.")
    {
        Errors = errors;
    }

    public IReadOnlyList<DomainError> Errors { get; }
}
