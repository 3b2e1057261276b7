namespace CareStories.Domain.Freshness;

/// <summary>
/// One row whose value changes in the same save as anything the feed or a story page shows for everyone: a story,
/// its recognition (celebrations, applause, comments, featuring), a redaction or takedown, a person's name or photo,
/// the catalogue of teams, values and badges, a done fix. Caches of those shared parts are keyed by this value, and
/// every request reads it once from the database, so a change saved through any app instance over the same database
/// is seen on the next read everywhere, with no message between instances.
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>The one row: what every reader sees.</summary>
    public const int SharedContentId = 1;

    public ChangeStamp(int id, long value)
    {
        Id = id;
        Value = value;
    }

    public int Id { get; private set; }

    /// <summary>
    /// A random number rather than a counter: a save writes it without reading it first, so the stamp costs no extra
    /// command and two saves at once still leave a value neither reader has cached.
    /// </summary>
    public long Value { get; private set; }

    internal void Renew() => Value = NewValue();

    internal static long NewValue() => Random.Shared.NextInt64(1, long.MaxValue);
}
