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

    /// <summary>The customer wrote it themselves through a thank-you link; only a manager's approval adds it.</summary>
    ThankYouLink = 6,
}

/// <summary>What an Admin can remove from a quote for privacy.</summary>
public enum QuotePart
{
    Text = 0,
    Attribution = 1,
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
        QuoteSource.ThankYouLink => "Thank-you link",
        _ => source.ToString(),
    };

    public static string Label(this QuotePart part) => part switch
    {
        QuotePart.Text => "The customer's words",
        QuotePart.Attribution => "Who it is from",
        _ => part.ToString(),
    };

    /// <summary>What replaces words an Admin removed, wherever the quote appears.</summary>
    public const string RemovedText = "An admin removed these words for privacy.";

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
    /// <summary>
    /// The customer's name as far as they agreed to be named: nothing for "a customer", the first word for first
    /// name only. Problems are added to <paramref name="errors"/> under CustomerName or Naming.
    /// </summary>
    public static string? NameAsConsented(
        CustomerNaming naming, string? customerName, List<DomainError> errors, bool customerWrites = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string? name = null;
        switch (naming)
        {
            case CustomerNaming.Anonymous:
                break;
            case CustomerNaming.FirstNameOnly:
                name = TextRules.SingleLine(customerName)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (name is null)
                {
                    errors.Add(new("CustomerName", customerWrites
                        ? "Enter your first name, or choose to stay anonymous."
                        : "Enter the customer's first name, or choose \u201ca customer\u201d."));
                }

                break;
            case CustomerNaming.FullName:
                name = TextRules.SingleLine(customerName);
                if (name.Length == 0)
                {
                    errors.Add(new("CustomerName", customerWrites
                        ? "Enter your name, or choose to stay anonymous."
                        : "Enter the customer's name, or choose \u201ca customer\u201d."));
                    name = null;
                }

                break;
            default:
                errors.Add(new("Naming", customerWrites ? "Choose how we may name you." : "Choose how the customer agreed to be named."));
                break;
        }

        if (name is { Length: > CustomerQuote.CustomerNameMaxLength })
        {
            errors.Add(new("CustomerName", $"Keep the name to {CustomerQuote.CustomerNameMaxLength} characters or fewer."));
        }

        return name;
    }
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

    private readonly List<QuoteRedaction> _redactions = [];

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

    /// <summary>An Admin removed the words; <see cref="Text"/> is empty and pages show <see cref="QuoteText.RemovedText"/>.</summary>
    public bool IsTextRedacted { get; private set; }

    /// <summary>An Admin removed who it is from; the quote is from "a customer" for good.</summary>
    public bool IsAttributionRedacted { get; private set; }

    /// <summary>Who removed what, when and why; the removed words themselves are not kept anywhere.</summary>
    public IReadOnlyCollection<QuoteRedaction> Redactions => _redactions;

    /// <summary>
    /// The author changes a quote they typed in. Words a customer wrote through a thank-you link stay theirs, and a
    /// quote an Admin redacted stays redacted: both can only be removed.
    /// </summary>
    internal void Edit(QuoteDetails details, DateOnly latestAllowedDate)
    {
        if (Source == QuoteSource.ThankYouLink)
        {
            throw new DomainException("These are the customer's own words from a thank-you link; they cannot be changed. You can remove the quote.");
        }

        if (IsTextRedacted || IsAttributionRedacted)
        {
            throw new DomainException("An admin redacted this quote, so it cannot be changed. You can remove it.");
        }

        Apply(details, latestAllowedDate);
    }

    internal QuoteRedaction Redact(QuotePart part, string adminId, string? reason, DateTimeOffset at)
    {
        var why = TextRules.Normalize(reason);
        if (why.Length == 0)
        {
            throw new DomainException("Say why this is being removed; the reason is kept on record.", "Reason");
        }

        if (why.Length > QuoteRedaction.ReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {QuoteRedaction.ReasonMaxLength} characters or fewer.", "Reason");
        }

        switch (part)
        {
            case QuotePart.Text when IsTextRedacted:
                throw new DomainException("The words of this quote were already removed.", "Part");
            case QuotePart.Text:
                Text = "";
                IsTextRedacted = true;
                break;
            case QuotePart.Attribution when IsAttributionRedacted || (Naming == CustomerNaming.Anonymous && CustomerName is null):
                throw new DomainException("This quote does not name the customer.", "Part");
            case QuotePart.Attribution:
                Naming = CustomerNaming.Anonymous;
                CustomerName = null;
                IsAttributionRedacted = true;
                break;
            default:
                throw new DomainException("Choose what to remove: the words or who they are from.", "Part");
        }

        var redaction = new QuoteRedaction(part, adminId, why, at);
        _redactions.Add(redaction);
        return redaction;
    }

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

        var name = QuoteText.NameAsConsented(details.Naming, details.CustomerName, errors);

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

/// <summary>The record of an Admin removing part of a quote: what, who, when and why — never the removed words.</summary>
public sealed class QuoteRedaction
{
    public const int ReasonMaxLength = 500;

    private QuoteRedaction()
    {
    }

    internal QuoteRedaction(QuotePart part, string adminId, string reason, DateTimeOffset at)
    {
        Part = part;
        AdminId = adminId;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public int QuoteId { get; private set; }

    public QuotePart Part { get; private set; }

    public string AdminId { get; private set; } = "";

    public Person Admin { get; private set; } = null!;

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
