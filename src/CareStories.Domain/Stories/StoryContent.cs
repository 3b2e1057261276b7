using System.Globalization;

namespace CareStories.Domain.Stories;

/// <summary>What was spent to put things right: an amount in a currency, and what it paid for.</summary>
public sealed record Spend(decimal Amount, string Currency, string Purpose)
{
    public const int PurposeMaxLength = 200;
    public const decimal MaxAmount = 100_000m;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:N2}");
}

/// <summary>What the author writes; everything but the title may stay empty while it is a draft.</summary>
public sealed record StoryContent(
    string? Title,
    DateOnly? OccurredOn,
    string? Situation,
    string? ImmediateAction,
    string? Prevention,
    string? Outcome,
    decimal? SpendAmount,
    string? SpendCurrency,
    string? SpendPurpose)
{
    public const int TitleMaxLength = 120;
    public const int NarrativeMaxLength = 4000;
    public const int PreventionMaxLength = 2000;

    /// <summary>
    /// The content as a story keeps it: text trimmed, a spend whole or absent. Refuses with every problem at once,
    /// each naming its field, so the form can show them all.
    /// </summary>
    public CheckedStoryContent Check(DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        var content = Check(at, errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return content;
    }

    /// <summary>
    /// The same checks without refusing: every problem goes into <paramref name="errors"/>, and what comes back is
    /// the content as far as it could be read (an empty title, no spend if the spend was wrong), so the submit
    /// check can name what is still missing beside what is wrong.
    /// </summary>
    internal CheckedStoryContent Check(DateTimeOffset at, List<DomainError> errors)
    {
        var title = TextRules.SingleLine(Title);
        if (title.Length == 0)
        {
            errors.Add(new(nameof(Title), "Give the story a title."));
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add(new(nameof(Title), $"Keep the title to {TitleMaxLength} characters or fewer."));
        }

        if (OccurredOn is { } occurred)
        {
            if (occurred > TextRules.LatestToday(at))
            {
                errors.Add(new(nameof(OccurredOn), "The date it happened cannot be in the future."));
            }
            else if (occurred < new DateOnly(2000, 1, 1))
            {
                errors.Add(new(nameof(OccurredOn), "Enter a date from 2000 onwards."));
            }
        }

        var situation = Narrative(Situation, nameof(Situation), NarrativeMaxLength, errors);
        var action = Narrative(ImmediateAction, nameof(ImmediateAction), NarrativeMaxLength, errors);
        var prevention = Narrative(Prevention, nameof(Prevention), PreventionMaxLength, errors);
        var outcome = Narrative(Outcome, nameof(Outcome), NarrativeMaxLength, errors);
        var spend = CheckSpend(errors);
        return new CheckedStoryContent(title, OccurredOn, situation, action, prevention, outcome, spend);
    }

    private Spend? CheckSpend(List<DomainError> errors)
    {
        var purpose = TextRules.NormalizeOptional(SpendPurpose);
        var currency = TextRules.SingleLine(SpendCurrency).ToUpperInvariant();
        if (SpendAmount is null && currency.Length == 0 && purpose is null)
        {
            return null;
        }

        var before = errors.Count;
        if (SpendAmount is not { } amount)
        {
            errors.Add(new(nameof(SpendAmount), "Enter the amount spent, or clear the spend fields."));
        }
        else if (amount <= 0 || amount > Spend.MaxAmount)
        {
            errors.Add(new(nameof(SpendAmount), $"Enter an amount above 0 and up to {Spend.MaxAmount:N0}."));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(new(nameof(SpendAmount), "Enter the amount with at most two decimal places."));
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new(nameof(SpendCurrency), "Enter a three-letter currency code, such as EUR or USD."));
        }
        else if (!Currencies.IsKnown(currency))
        {
            errors.Add(new(nameof(SpendCurrency), $"“{currency}” is not a currency code we know. Check it, e.g. EUR, USD or GBP."));
        }

        if (purpose is null)
        {
            errors.Add(new(nameof(SpendPurpose), "Say what the money paid for."));
        }
        else if (purpose.Length > Spend.PurposeMaxLength)
        {
            errors.Add(new(nameof(SpendPurpose), $"Keep this to {Spend.PurposeMaxLength} characters or fewer."));
        }

        return errors.Count == before ? new Spend(SpendAmount!.Value, currency, purpose!) : null;
    }

    private static string? Narrative(string? text, string field, int max, List<DomainError> errors)
    {
        var normalized = TextRules.NormalizeOptional(text);
        if (normalized is { Length: var length } && length > max)
        {
            errors.Add(new(field, $"Keep this to {max:N0} characters or fewer (it has {length:N0})."));
        }

        return normalized;
    }
}

/// <summary>Story content that passed <see cref="StoryContent.Check"/>: only this reaches a story.</summary>
public sealed record CheckedStoryContent(
    string Title,
    DateOnly? OccurredOn,
    string? Situation,
    string? ImmediateAction,
    string? Prevention,
    string? Outcome,
    Spend? Spend);
