namespace CareStories.Domain.Tests;

internal static class DomainErrors
{
    /// <summary>The fields a refusal names, in order; "" for a message about the whole thing.</summary>
    public static string[] Fields(this IEnumerable<DomainError> errors) => errors.Select(e => e.Field ?? "").ToArray();
}
