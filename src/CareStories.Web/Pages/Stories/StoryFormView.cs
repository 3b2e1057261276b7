using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Stories;

/// <summary>What the story form partial needs: the input, the choices, and the page's validation state.</summary>
public sealed record StoryFormView(StoryInput Input, StoryFormOptions Options, ModelStateDictionary ModelState, DateOnly Today)
    : FormState(ModelState);

public sealed record NarrativeField(string Name, string Label, string Hint, string? Value, int MaxLength, StoryFormView Form);
