using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Puts a refused change's messages beside the fields they name (under <paramref name="prefix"/>).</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainException exception, string prefix = "Input")
    {
        foreach (var error in exception.Errors)
        {
            modelState.AddModelError(error.Field is null ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
