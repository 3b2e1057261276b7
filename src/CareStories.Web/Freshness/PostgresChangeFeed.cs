using System.Collections.Concurrent;
using System.Globalization;
using CareStories.Domain.Freshness;
using Npgsql;

namespace CareStories.Web.Freshness;

/// <summary>
/// On PostgreSQL, the change stamps and the bells this instance has read, kept in memory and kept current by the
/// database's announcements (<see cref="PostgresChangeNotices"/>: one connection listening for them), so that a page
/// whose stamps and bell are known asks the database nothing before its cached parts. Without it every page's first
/// command was that read: on the benchmark about half of the feed's cost (2,535 against 4,878 pages a second with the
/// read taken out).
/// <para>
/// What is known is never older than what this instance saw committed. Everything here is answered from memory only
/// when the listening connection is up (announcements lost while it is down would leave a value behind: on reconnecting
/// everything is forgotten), no save made through this instance is still waiting for its announcement (each announces
/// itself after its changes, <see cref="ChangeFeedSaves"/>), and a person who saved through another instance has had
/// that save announced here (<see cref="FreshnessToken"/>). Other people's pages on other instances see a change once
/// it is announced here, which is as soon as PostgreSQL delivers it (milliseconds).
/// Otherwise the request reads the database as before and offers what it read; an offer is taken only if no
/// announcement arrived while it was read (<see cref="Epoch"/>), so a value read before a change never replaces the
/// announcement of that change.
/// </para>
/// </summary>
public sealed partial class PostgresChangeFeed(string connectionString, ILogger<PostgresChangeFeed> logger) : BackgroundService
{
    // Bounds on what is kept: a story page's stamps and a person's bell are kept once read; beyond these the lot is
    // forgotten and read again (a company's people, and the stories read in a while, fit many times over).
    internal const int MostStories = 20_000;
    internal const int MostBells = 20_000;

    // How long a save of this instance may wait for its own announcement before it is given up (the announcement is lost
    // only if the listening connection failed, which forgets everything anyway).
    private static readonly TimeSpan AwaitedAtMost = TimeSpan.FromSeconds(10);

    // Saves announced lately: a person's token is checked against these.
    private const int RecentTokens = 4_096;

    private const long Unknown = long.MinValue;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, long> _stories = new();
    private readonly ConcurrentDictionary<string, int> _bells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _awaited = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _waiters = new();
    private readonly HashSet<long> _announced = [];
    private readonly Queue<long> _announcedOrder = new();
    private long _epoch;

    // long.MinValue while not known (no stamp takes it: shared values are positive, a story's reads as 0 until made).
    private long _shared = Unknown;
    private long _other = Unknown;
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _listening;

    /// <summary>Counts every announcement and every forgetting; an offer read before the count moved is refused.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Whether the listening connection is up and announcements are being applied.</summary>
    public bool Listening => _listening;

    /// <summary>
    /// The stamps (and <paramref name="me"/>'s unread count, and <paramref name="storyRow"/>'s stamps when given) from
    /// memory, or null when they must be read from the database (see the class).
    /// </summary>
    public KnownStamps? TryKnown(string? me, int? storyRow, FreshnessToken token)
    {
        if (!_listening || !AwaitedSettled() || (token.Save is { } save && !WasAnnounced(save)))
        {
            return null;
        }

        var shared = Interlocked.Read(ref _shared);
        if (shared == Unknown)
        {
            return null;
        }

        var unread = 0;
        if (me is not null && !_bells.TryGetValue(me, out unread))
        {
            return null;
        }

        long other = 0, story = 0;
        if (storyRow is { } row && ((other = Interlocked.Read(ref _other)) == Unknown || !_stories.TryGetValue(row, out story)))
        {
            return null;
        }

        // A value read above may have been replaced meanwhile by a newer one; either is at least as new as the
        // request's start, which is all a stamp read from the database promises too.
        return new KnownStamps(shared, unread, other, story);
    }

    /// <summary>
    /// What a request read from the database, offered for the next ones; taken only if nothing was announced or
    /// forgotten since <paramref name="epoch"/> (read before the database was asked).
    /// </summary>
    public void Offer(long epoch, long shared, string? me, int unread, int? storyRow = null, long other = 0, long story = 0)
    {
        lock (_gate)
        {
            if (!_listening || _epoch != epoch)
            {
                return;
            }

            Interlocked.Exchange(ref _shared, shared);
            if (me is not null)
            {
                if (_bells.Count >= MostBells)
                {
                    _bells.Clear();
                }

                _bells[me] = unread;
            }

            if (storyRow is { } row)
            {
                if (_stories.Count >= MostStories)
                {
                    _stories.Clear();
                }

                Interlocked.Exchange(ref _other, other);
                _stories[row] = story;
            }
        }
    }

    /// <summary>
    /// A save through this instance changed stamps or bells and announced <paramref name="save"/> after its changes
    /// (<see cref="PostgresChangeNotices.SavePrefix"/>): until that announcement arrives (so every announcement of the
    /// save's changes has arrived before it) every page here reads the database.
    /// </summary>
    public void Saved(long save)
    {
        lock (_gate)
        {
            if (!_announced.Contains(save))
            {
                _awaited[save] = Environment.TickCount64;
            }
        }
    }

    /// <summary>
    /// Waits until everything committed before this call has been announced here: announces a save of its own on a
    /// connection of its own and waits for it (tests, and anything that must see the database's present).
    /// </summary>
    public async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        var save = PostgresChangeNotices.NewSave();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[save] = arrived;
        try
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var notify = new NpgsqlCommand(PostgresChangeNotices.AnnounceSql, connection);
                notify.Parameters.AddWithValue(PostgresChangeNotices.SavePayload(save));
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            await arrived.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiters.TryRemove(save, out _);
        }
    }

    /// <summary>Applies one announcement (see <see cref="PostgresChangeNotices"/>).</summary>
    internal void Apply(string payload)
    {
        lock (_gate)
        {
            if (payload.StartsWith(PostgresChangeNotices.SavePrefix, StringComparison.Ordinal))
            {
                if (long.TryParse(payload.AsSpan(PostgresChangeNotices.SavePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var save))
                {
                    _awaited.TryRemove(save, out _);
                    Remember(save);
                    if (_waiters.TryGetValue(save, out var waiter))
                    {
                        waiter.TrySetResult();
                    }
                }

                return;
            }

            _epoch++;
            if (payload.StartsWith('b'))
            {
                _bells.TryRemove(payload[1..], out _);
                return;
            }

            var colon = payload.IndexOf(':', StringComparison.Ordinal);
            if (!payload.StartsWith('s') || colon < 0
                || !int.TryParse(payload.AsSpan(1, colon - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var row)
                || !long.TryParse(payload.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                // Not ours to read: forget everything rather than guess.
                ForgetLocked();
                return;
            }

            switch (row)
            {
                case ChangeStamp.SharedContentId:
                    Interlocked.Exchange(ref _shared, value);
                    break;
                case StoryStamps.OtherContentId:
                    Interlocked.Exchange(ref _other, value);
                    break;
                default:
                    // Only a story already kept is updated: one not kept is read when asked for.
                    if (_stories.ContainsKey(row))
                    {
                        _stories[row] = value;
                    }

                    break;
            }
        }
    }

    /// <summary>Marks the listening connection up (everything forgotten first) or down.</summary>
    internal void SetListening(bool listening)
    {
        lock (_gate)
        {
            ForgetLocked();
            _listening = listening;
        }
    }

    /// <summary>
    /// Starts listening and waits (a few seconds at most) until the connection listens, so an instance starts with its
    /// memory in use; if the database is not there yet it starts anyway and its pages read the database meanwhile.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await _firstListen.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            // Pages read the database until the connection listens.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException or TimeoutException)
            {
                SetListening(false);
                LogListenFailed(logger, ex.GetType().Name, delay.TotalMilliseconds);
            }

            SetListening(false);
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
        }

        SetListening(false);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => Apply(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeNotices.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // From here every commit is announced on this connection; what was kept before is forgotten.
        SetListening(true);
        _firstListen.TrySetResult();
        LogListening(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
            {
                // Quiet for a while: make sure the connection is still there (a dead one would wait forever).
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                ping.CommandTimeout = 10;
                await ping.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    private bool AwaitedSettled()
    {
        if (_awaited.IsEmpty)
        {
            return true;
        }

        var now = Environment.TickCount64;
        foreach (var (stamp, since) in _awaited)
        {
            if (now - since > AwaitedAtMost.TotalMilliseconds)
            {
                _awaited.TryRemove(stamp, out _);
            }
        }

        return _awaited.IsEmpty;
    }

    private bool WasAnnounced(long stamp)
    {
        lock (_gate)
        {
            return _announced.Contains(stamp);
        }
    }

    private void Remember(long stamp)
    {
        if (_announced.Add(stamp))
        {
            _announcedOrder.Enqueue(stamp);
            if (_announcedOrder.Count > RecentTokens)
            {
                _announced.Remove(_announcedOrder.Dequeue());
            }
        }
    }

    private void ForgetLocked()
    {
        _epoch++;
        Interlocked.Exchange(ref _shared, Unknown);
        Interlocked.Exchange(ref _other, Unknown);
        _stories.Clear();
        _bells.Clear();
        _awaited.Clear();
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Listening for the database's change announcements.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "The connection listening for change announcements failed ({Error}); pages read their stamps from the database until it is back (next try in {DelayMs} ms).")]
    private static partial void LogListenFailed(ILogger logger, string error, double delayMs);
}

/// <summary>The stamps and the unread count a page starts with, from memory.</summary>
public sealed record KnownStamps(long Shared, int Unread, long Other, long Story);
