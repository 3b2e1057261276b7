namespace CareStories.Domain.Stories;

/// <summary>Where a customer's words reached us.</summary>
public enum QuoteSource
{
    Email = 0,
    PhoneCall = 1,
    Survey = 2,
    SocialPost = 3,
    Letter = 4,
    InPerson = 5,
}

/// <summary>How far the customer agreed to be named. Without recorded consent, a quote is from "a customer".</summary>
public enum CustomerNaming
{
    Anonymous = 0,
    FirstNameOnly = 1,
    FullName = 2,
}

public static class QuoteText
{
    public static string Label(this QuoteSource source) => source switch
    {
        QuoteSource.Email => "Email",
        QuoteSource.PhoneCall => "Phone call",
        QuoteSource.Survey => "Survey",
        QuoteSource.SocialPost => "Social media post",
        QuoteSource.Letter => "Letter or card",
        QuoteSource.InPerson => "In person",
        _ => source.ToString(),
    };

    public static string Label(this CustomerNaming naming) => naming switch
    {
        CustomerNaming.Anonymous => "As \u201ca customer\u201d (no name)",
        CustomerNaming.FirstNameOnly => "First name only",
        CustomerNaming.FullName => "Full name",
        _ => naming.ToString(),
    };

    /// <summary>How a quote is attributed wherever it appears: only as far as the customer consented.</summary>
    public static string Attribution(CustomerNaming naming, string? customerName) =>
        naming is CustomerNaming.Anonymous || string.IsNullOrWhiteSpace(customerName) ? "A customer" : customerName;
}

/// <summary>What someone fills in to add or change a quote.</summary>
public sealed record QuoteDetails(
    string? Text,
    QuoteSource Source,
    DateOnly? ReceivedOn,
    CustomerNaming Naming,
    string? CustomerName);

/// <summary>The customer's own words on a story.</summary>
public sealed class CustomerQuote
{
    public const int TextMaxLength = 1500;
    public const int CustomerNameMaxLength = 100;

    private CustomerQuote()
    {
    }

    internal CustomerQuote(QuoteDetails details, DateOnly latestAllowedDate, DateTimeOffset at)
    {
        CreatedAt = at;
        Apply(details, latestAllowedDate);
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    public string Text { get; private set; } = "";

    public QuoteSource Source { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public CustomerNaming Naming { get; private set; }

    /// <summary>Stored only as far as consent allows: null for "a customer", the first name alone for first name only.</summary>
    public string? CustomerName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string Attribution => QuoteText.Attribution(Naming, CustomerName);

    internal void Apply(QuoteDetails details, DateOnly latestAllowedDate)
    {
        var errors = new List<DomainError>();
        var text = TextRules.Normalize(details.Text);
        if (text.Length == 0)
        {
            errors.Add(new(nameof(Text), "Enter the customer's words."));
        }
        else if (text.Length > TextMaxLength)
        {
            errors.Add(new(nameof(Text), $"Keep the quote to {TextMaxLength} characters or fewer."));
        }

        if (!Enum.IsDefined(details.Source))
        {
            errors.Add(new(nameof(Source), "Choose where the customer's words came from."));
        }

        if (details.ReceivedOn is not { } receivedOn)
        {
            errors.Add(new(nameof(ReceivedOn), "Enter when the customer said this."));
        }
        else if (receivedOn > latestAllowedDate)
        {
            errors.Add(new(nameof(ReceivedOn), "The date cannot be in the future."));
        }

        string? name = null;
        switch (details.Naming)
        {
            case CustomerNaming.Anonymous:
                break;
            case CustomerNaming.FirstNameOnly:
                name = TextRules.SingleLine(details.CustomerName)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (name is null)
                {
                    errors.Add(new(nameof(CustomerName), "Enter the customer's first name, or choose \u201ca customer\u201d."));
                }

                break;
            case CustomerNaming.FullName:
                name = TextRules.SingleLine(details.CustomerName);
                if (name.Length == 0)
                {
                    errors.Add(new(nameof(CustomerName), "Enter the customer's name, or choose \u201ca customer\u201d."));
                    name = null;
                }

                break;
            default:
                errors.Add(new(nameof(Naming), "Choose how the customer agreed to be named."));
                break;
        }

        if (name is { Length: > CustomerNameMaxLength })
        {
            errors.Add(new(nameof(CustomerName), $"Keep the name to {CustomerNameMaxLength} characters or fewer."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Text = text;
        Source = details.Source;
        ReceivedOn = details.ReceivedOn!.Value;
        Naming = details.Naming;
        CustomerName = name;
    }
}
