using CareStories.Domain.Notifications;

namespace CareStories.Domain.Delivery;

/// <summary>
/// What one person wants by email: a choice per kind of notification (a kind with no row is
/// <see cref="DeliveryText.DefaultChoice"/>, so kinds added later need no data) and the weekly "stories of the week".
/// It also records which week's digest and stories mail were last composed for them, so a week's mail is made once
/// even when several workers look at once (they claim the week with a conditional update).
/// </summary>
public sealed class MailPreferences
{
    private readonly List<KindDelivery> _kinds = [];

    private MailPreferences()
    {
    }

    /// <summary>A person's first preferences: this week's mails count as sent, so choosing a digest on a Tuesday does not send one at once.</summary>
    public MailPreferences(string personId, DateTimeOffset at)
    {
        PersonId = personId;
        DigestWeek = MailWeek.DueWeek(at);
        StoriesWeek = MailWeek.DueWeek(at);
    }

    public string PersonId { get; private set; } = "";

    public bool WantsStoriesOfTheWeek { get; private set; }

    /// <summary>The week (its Monday) whose digest was last composed for this person.</summary>
    public DateTimeOffset DigestWeek { get; private set; }

    /// <summary>The week (its Monday) whose "stories of the week" mail was last composed for this person.</summary>
    public DateTimeOffset StoriesWeek { get; private set; }

    public IReadOnlyCollection<KindDelivery> Kinds => _kinds;

    public DeliveryChoice ChoiceFor(NotificationKind kind) =>
        _kinds.FirstOrDefault(k => k.Kind == kind)?.Choice ?? DeliveryText.DefaultChoice;

    public void Choose(NotificationKind kind, DeliveryChoice choice)
    {
        if (!Enum.IsDefined(choice))
        {
            throw new DomainException("Choose in the app only, email at once or a weekly digest.", $"Kinds.{kind}");
        }

        var row = _kinds.FirstOrDefault(k => k.Kind == kind);
        if (choice == DeliveryText.DefaultChoice)
        {
            // The default is no row, so the table holds only what people changed.
            if (row is not null)
            {
                _kinds.Remove(row);
            }
        }
        else if (row is null)
        {
            _kinds.Add(new KindDelivery(PersonId, kind, choice));
        }
        else
        {
            row.Choice = choice;
        }
    }

    public void ChooseStoriesOfTheWeek(bool wanted) => WantsStoriesOfTheWeek = wanted;

    /// <summary>What an unsubscribe link turns off: one kind's mail, every digested kind, or the weekly stories.</summary>
    public string Unsubscribe(UnsubscribeScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind is { } kind)
        {
            Choose(kind, DeliveryChoice.InAppOnly);
            return $"You will no longer get email for “{kind.Label()}”. You still see it under the bell.";
        }

        if (scope.IsDigest)
        {
            _kinds.RemoveAll(k => k.Choice == DeliveryChoice.WeeklyDigest);
            return "You will no longer get the weekly digest. Everything in it still shows under the bell.";
        }

        WantsStoriesOfTheWeek = false;
        return "You will no longer get the stories of the week.";
    }
}

/// <summary>One person's choice for one kind of notification.</summary>
public sealed class KindDelivery
{
    private KindDelivery()
    {
    }

    internal KindDelivery(string personId, NotificationKind kind, DeliveryChoice choice)
    {
        PersonId = personId;
        Kind = kind;
        Choice = choice;
    }

    public string PersonId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    public DeliveryChoice Choice { get; internal set; }
}

/// <summary>What one unsubscribe link is for, written into the signed token as a short string.</summary>
public sealed record UnsubscribeScope(NotificationKind? Kind, bool IsDigest)
{
    public static readonly UnsubscribeScope Digest = new(null, true);
    public static readonly UnsubscribeScope StoriesOfTheWeek = new(null, false);

    public static UnsubscribeScope For(NotificationKind kind) => new(kind, false);

    public override string ToString() => Kind is { } kind ? $"kind:{(int)kind}" : IsDigest ? "digest" : "stories";

    public static UnsubscribeScope? Parse(string text) => text switch
    {
        "digest" => Digest,
        "stories" => StoriesOfTheWeek,
        _ when text.StartsWith("kind:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && Enum.IsDefined((NotificationKind)number) => For((NotificationKind)number),
        _ => null,
    };
}
