using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CareStories.Benchmark;

/// <summary>
/// Reads and writes together, from several signed-in people at once, for a fixed time: most read the feed, a few
/// applaud (or take it back) and comment on stories they found there, and a manager publishes stories from their
/// review queue. After every change its maker reads the page that shows it, and the run counts any read that does
/// not show it yet. Loopback only; an in-process loop of <see cref="HttpClient"/>s, so every request can be checked.
/// </summary>
public static partial class MixedRun
{
    public const string Key = "mixed";

    /// <summary>Who does what: of the connections, these many act and publish; the rest only read the feed.</summary>
    public static MixedMix MixFor(int connections) =>
        connections < 5
            ? throw new BenchmarkException("The mixed run needs at least 5 connections (--connections).")
            : new MixedMix(Readers: connections - 4, Actors: 3, Publishers: 1);

    /// <summary>How long the same mix runs, not timed, before the measured part.</summary>
    /// <remarks>
    /// Every address loaded with wrk is warmed up first; without this the mixed run alone was timed from a cold start of
    /// the pages only it uses (the review queue, publishing, comments, applause): their first requests compile code and
    /// queries for several hundred milliseconds while the other 15 people wait, which made most of the slowest 1%.
    /// Errors and stale reads in the warm-up still count.
    /// </remarks>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<MixedResult> RunAsync(Uri address, string password, MixedMix mix, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sessions = new List<BrowserSession>();
        try
        {
            // Employees with no other role read and act; person0001 manages the first team, so has a review queue.
            var workers = new List<Func<MixedLog, CancellationToken, Task>>();
            for (var i = 0; i < mix.Readers; i++)
            {
                var session = await SignedInAsync(address, $"person{60 + i:0000}", password, sessions, cancellationToken);
                workers.Add((log, stop) => ReadLoopAsync(session, log, stop));
            }

            for (var i = 0; i < mix.Actors; i++)
            {
                var session = await SignedInAsync(address, $"person{90 + i:0000}", password, sessions, cancellationToken);
                var random = new Random(i + 1);
                var who = i;
                workers.Add((log, stop) => ActLoopAsync(session, who, random, log, stop));
            }

            for (var i = 0; i < mix.Publishers; i++)
            {
                var session = await SignedInAsync(address, $"person{1 + (2 * i):0000}", password, sessions, cancellationToken);
                workers.Add((log, stop) => PublishLoopAsync(session, log, stop));
            }

            var warm = new MixedLog();
            if (warmUp > TimeSpan.Zero)
            {
                await RunForAsync(workers, warm, warmUp, cancellationToken);
            }

            var log = new MixedLog();
            await RunForAsync(workers, log, duration, cancellationToken);
            return log.Result(mix, duration, warm);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    private static async Task RunForAsync(List<Func<MixedLog, CancellationToken, Task>> workers, MixedLog log, TimeSpan time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(time);
        await Task.WhenAll(workers.Select(w => Task.Run(() => w(log, timer.Token), CancellationToken.None)));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task<BrowserSession> SignedInAsync(Uri address, string user, string password, List<BrowserSession> sessions, CancellationToken cancellationToken)
    {
        var session = new BrowserSession(address);
        sessions.Add(session);
        await session.SignInAsync($"{user}@{DataGenerator.Domain}", password, cancellationToken);
        return session;
    }

    private static async Task ReadLoopAsync(BrowserSession session, MixedLog log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await log.ReadAsync(session, "/Feed", stop);
        }
    }

    private static async Task ActLoopAsync(BrowserSession session, int who, Random random, MixedLog log, CancellationToken stop)
    {
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            var feed = await log.ReadAsync(session, "/Feed", stop);
            var stories = feed is null ? [] : BrowserSession.StoriesLinked(feed.Body);
            if (stories.Count == 0)
            {
                continue;
            }

            var storyPath = $"/Stories/{stories[random.Next(stories.Count)]}";
            var story = await log.ReadAsync(session, storyPath, stop);
            if (story is null)
            {
                continue;
            }

            var applause = ApplauseButton().Match(story.Body);
            if (turn % 2 == 0 && applause.Success)
            {
                // Applaud, or take it back if already applauded: either way the next read must show the new state.
                var mine = applause.Groups[1].Value == "true";
                var path = mine ? $"{storyPath}/Applause?handler=TakeBack" : $"{storyPath}/Applause";
                if (await log.WriteAsync(session, MixedChange.Applause, path, story.Body, new Dictionary<string, string>(), stop))
                {
                    var after = await log.ReadAsync(session, storyPath, stop, check: true);
                    var shown = after is not null && ApplauseButton().Match(after.Body) is { Success: true } state && state.Groups[1].Value == (mine ? "false" : "true");
                    log.Checked(shown, $"{(mine ? "taking back applause on" : "applause on")} {storyPath}");
                }
            }
            else
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"Mixed run comment {who}-{turn}-{random.Next(1_000_000)}");
                var fields = new Dictionary<string, string> { ["NewComment.Text"] = text };
                if (await log.WriteAsync(session, MixedChange.Comment, $"{storyPath}/Comments/New", story.Body, fields, stop))
                {
                    var after = await log.ReadAsync(session, storyPath, stop, check: true);
                    log.Checked(after?.Body.Contains(text, StringComparison.Ordinal) == true, $"a comment on {storyPath}");
                }
            }
        }
    }

    private static async Task PublishLoopAsync(BrowserSession session, MixedLog log, CancellationToken stop)
    {
        var tried = new HashSet<int>();
        while (!stop.IsCancellationRequested)
        {
            var queue = await log.ReadAsync(session, "/Review", stop);
            var next = queue is null ? null : BrowserSession.StoriesToReview(queue.Body).Where(tried.Add).Select(id => (int?)id).FirstOrDefault();
            if (next is not { } id)
            {
                await log.ReadAsync(session, "/Feed", stop);
                continue;
            }

            var page = await log.ReadAsync(session, $"/Review/Story/{id}", stop);
            if (page is not null && await log.WriteAsync(session, MixedChange.Publish, $"/Review/Story/{id}?handler=Publish", page.Body, new Dictionary<string, string>(), stop))
            {
                var feed = await log.ReadAsync(session, "/Feed", stop, check: true);
                log.Checked(feed is not null && BrowserSession.StoriesLinked(feed.Body).Contains(id), $"publishing /Stories/{id} (its feed's first page)");
            }
        }
    }

    // The applaud button says whether this person has applauded (aria-pressed), as the story page renders it.
    [GeneratedRegex("applaud-button\" aria-pressed=\"(true|false)\"")]
    private static partial Regex ApplauseButton();

    /// <summary>Everything the workers did, safe to add to from all of them at once.</summary>
    private sealed class MixedLog
    {
        private readonly ConcurrentQueue<double> _reads = new();
        private readonly ConcurrentQueue<double> _writes = new();
        private readonly ConcurrentQueue<(string Kind, double Milliseconds)> _byKind = new();
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly ConcurrentQueue<string> _stale = new();
        private readonly ConcurrentDictionary<MixedChange, int> _changes = new();
        private int _refused;
        private int _checks;

        public async Task<PageAnswer?> ReadAsync(BrowserSession session, string path, CancellationToken stop, bool check = false)
        {
            try
            {
                var answer = await session.GetAsync(path, check ? CancellationToken.None : stop);
                _reads.Enqueue(answer.Took.TotalMilliseconds);
                _byKind.Enqueue((MixedResult.KindOf(path), answer.Took.TotalMilliseconds));
                if (answer.Status == HttpStatusCode.OK)
                {
                    return answer;
                }

                _errors.Enqueue($"GET {path}: HTTP {(int)answer.Status}{(answer.Location is { } to ? $" to {to}" : "")}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run's time is up.
            }
            catch (HttpRequestException ex)
            {
                _errors.Enqueue($"GET {path}: {ex.Message}");
            }

            return null;
        }

        /// <summary>Posts a change; true when the app took it (a redirect back, as after every saved form).</summary>
        public async Task<bool> WriteAsync(BrowserSession session, MixedChange change, string path, string page, IReadOnlyDictionary<string, string> fields, CancellationToken stop)
        {
            PageAnswer answer;
            try
            {
                // A change once started is finished, so its check can follow.
                answer = await session.PostFormAsync(path, page, fields, CancellationToken.None);
            }
            catch (HttpRequestException ex)
            {
                _errors.Enqueue($"POST {path}: {ex.Message}");
                return false;
            }

            _writes.Enqueue(answer.Took.TotalMilliseconds);
            _byKind.Enqueue((MixedResult.KindOf(change), answer.Took.TotalMilliseconds));
            if (answer.Status == HttpStatusCode.Redirect)
            {
                _changes.AddOrUpdate(change, 1, (_, n) => n + 1);
                return true;
            }

            if (answer.Status == HttpStatusCode.OK)
            {
                // Refused with a reason shown on the page (someone else published it first, say): not an error.
                Interlocked.Increment(ref _refused);
            }
            else
            {
                _errors.Enqueue($"POST {path}: HTTP {(int)answer.Status}");
            }

            return false;
        }

        public void Checked(bool shown, string what)
        {
            Interlocked.Increment(ref _checks);
            if (!shown)
            {
                _stale.Enqueue(what);
            }
        }

        /// <summary>What was measured; the warm-up's errors, stale reads and checks are added, its times are not.</summary>
        public MixedResult Result(MixedMix mix, TimeSpan duration, MixedLog warm) => new(
            mix,
            duration,
            [.. _reads],
            [.. _writes],
            new Dictionary<MixedChange, int>(_changes),
            _refused,
            _checks + warm._checks,
            [.. warm._errors, .. _errors],
            [.. warm._stale, .. _stale])
        {
            ByKind = _byKind.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<double>)[.. g.Select(k => k.Milliseconds)]),
            WarmUpRequests = warm._reads.Count + warm._writes.Count,
            WarmUpP99 = MixedResult.Percentile([.. warm._reads, .. warm._writes], 0.99),
            WarmUpChanges = warm._changes.Values.Sum(),
        };
    }
}
