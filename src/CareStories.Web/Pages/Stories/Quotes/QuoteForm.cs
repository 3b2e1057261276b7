using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Stories.Quotes;

/// <summary>What the quote form posts. No consent, no name: "a customer" is the default.</summary>
public sealed class QuoteInput
{
    [Required(ErrorMessage = "Enter the customer's words.")]
    [StringLength(CustomerQuote.TextMaxLength, ErrorMessage = "Keep the quote to {1:N0} characters or fewer.")]
    [Display(Name = "The customer's words")]
    public string? Text { get; set; }

    [Required(ErrorMessage = "Choose where the customer's words came from.")]
    [Display(Name = "Where they came from")]
    public QuoteSource? Source { get; set; }

    [Required(ErrorMessage = "Enter when the customer said this.")]
    [Display(Name = "When")]
    public DateOnly? ReceivedOn { get; set; }

    [Required(ErrorMessage = "Choose how the customer agreed to be named.")]
    [Display(Name = "How the customer may be named")]
    public CustomerNaming? Naming { get; set; } = CustomerNaming.Anonymous;

    [StringLength(CustomerQuote.CustomerNameMaxLength, ErrorMessage = "Keep the name to {1:N0} characters or fewer.")]
    [Display(Name = "The customer's name")]
    public string? CustomerName { get; set; }

    public QuoteDetails ToDetails() =>
        new(Text, Source ?? default, ReceivedOn, Naming ?? CustomerNaming.Anonymous, CustomerName);
}

public sealed record QuoteFormView(QuoteInput Input, ModelStateDictionary ModelState, DateOnly Today) : FormState(ModelState);
