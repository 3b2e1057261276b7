using CareStories.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin;

/// <summary>What every admin form does with a refused change.</summary>
internal static class AdminForms
{
    /// <summary>Puts each message next to the input field it names ("Input." + field), or in the summary when it names none.</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainException exception)
    {
        foreach (var error in exception.Errors)
        {
            modelState.AddModelError(error.Field is null ? "" : "Input." + error.Field, error.Message);
        }
    }
}
