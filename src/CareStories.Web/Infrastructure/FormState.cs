using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Infrastructure;

/// <summary>Reads a form's validation state for hand-written fields: the message, the error class, what was typed.</summary>
public abstract record FormState(ModelStateDictionary ModelState)
{
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string Invalid(string key) => Error(key) is null ? "" : "input-validation-error";

    /// <summary>What the person typed, even when it could not be read as a value (e.g. "12,5a" for an amount).</summary>
    public string? Raw(string key, string? fallback) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.AttemptedValue : fallback;
}
