using System.Buffers.Text;
using System.Security.Cryptography;

namespace CareStories.Domain.Thanks;

/// <summary>Whether a customer can still use a link, in words for the people who manage it.</summary>
public enum LinkState
{
    Open = 0,
    Expired = 1,
    Revoked = 2,
}

public static class LinkStateText
{
    public static string Label(this LinkState state) => state switch
    {
        LinkState.Open => "Open",
        LinkState.Expired => "Expired",
        LinkState.Revoked => "Revoked",
        _ => state.ToString(),
    };
}

/// <summary>
/// A link (printed as a QR code) through which customers thank one person or one team without an account. It is
/// known only by its random token; it can expire and be revoked.
/// </summary>
public sealed class ThankYouLink
{
    public const int TokenMaxLength = 64;
    public const int LabelMaxLength = 80;

    /// <summary>A link lives at most this long; a longer-lived QR code would outlast who it names.</summary>
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(731);

    private ThankYouLink()
    {
    }

    private ThankYouLink(string? personId, int? teamId, string createdById, string? label, DateTimeOffset? expiresAt, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        var text = Stories.TextRules.SingleLine(label);
        if (text.Length > LabelMaxLength)
        {
            errors.Add(new(nameof(Label), $"Keep the label to {LabelMaxLength:N0} characters or fewer."));
        }

        if (expiresAt is { } expires && (expires <= at || expires - at > LongestLife))
        {
            errors.Add(new(nameof(ExpiresAt), "Choose an end date in the future, at most two years from today."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Token = NewToken();
        PersonId = personId;
        TeamId = teamId;
        CreatedById = createdById;
        Label = text.Length == 0 ? null : text;
        ExpiresAt = expiresAt;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>The unguessable part of the public address: 192 random bits, URL-safe.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The person thanked through this link; null when it thanks a team.</summary>
    public string? PersonId { get; private set; }

    public Person? Person { get; private set; }

    /// <summary>The team thanked through this link; null when it thanks a person.</summary>
    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    /// <summary>Where the link is used, for the people who manage it ("Front desk poster"); never shown to customers.</summary>
    public string? Label { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedById { get; private set; }

    public static ThankYouLink ForPerson(string personId, string createdById, string? label, DateTimeOffset? expiresAt, DateTimeOffset at) =>
        new(personId, null, createdById, label, expiresAt, at);

    public static ThankYouLink ForTeam(int teamId, string createdById, string? label, DateTimeOffset? expiresAt, DateTimeOffset at) =>
        new(null, teamId, createdById, label, expiresAt, at);

    public LinkState StateAt(DateTimeOffset now) => StateOf(ExpiresAt, RevokedAt, now);

    /// <summary>The one rule for a link's state, also for rows read without the entity: revoked beats expired.</summary>
    public static LinkState StateOf(DateTimeOffset? expiresAt, DateTimeOffset? revokedAt, DateTimeOffset now) =>
        revokedAt is not null ? LinkState.Revoked
        : expiresAt is { } expires && expires <= now ? LinkState.Expired
        : LinkState.Open;

    public bool IsOpenAt(DateTimeOffset now) => StateAt(now) == LinkState.Open;

    /// <summary>Stops the link for good; thank-yous already received stay in the queue.</summary>
    public void Revoke(string actorId, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("This link was already revoked.");
        }

        RevokedAt = at;
        RevokedById = actorId;
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}
