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

    public static async Task<MixedResult> RunAsync(Uri address, string password, MixedMix mix, TimeSpan duration, CancellationToken cancellationToken)
    {
        var log = new MixedLog();
        var sessions = new List<BrowserSession>();
        try
        {
            // Employees with no other role read and act; person0001 manages the first team, so has a review queue.
            var workers = new List<Func<CancellationToken, Task>>();
            for (var i = 0; i < mix.Readers; i++)
            {
                var session = await SignedInAsync(address, $"person{60 + i:0000}", password, sessions, cancellationToken);
                workers.Add(stop => ReadLoopAsync(session, log, stop));
            }

            for (var i = 0; i < mix.Actors; i++)
            {
                var session = await SignedInAsync(address, $"person{90 + i:0000}", password, sessions, cancellationToken);
                var random = new Random(i + 1);
                var who = i;
                workers.Add(stop => ActLoopAsync(session, who, random, log, stop));
            }

            for (var i = 0; i < mix.Publishers; i++)
            {
                var session = await SignedInAsync(address, $"person{1 + (2 * i):0000}", password, sessions, cancellationToken);
                workers.Add(stop => PublishLoopAsync(session, log, stop));
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(duration);
            await Task.WhenAll(workers.Select(w => Task.Run(() => w(timer.Token), CancellationToken.None)));
            cancellationToken.ThrowIfCancellationRequested();
            return log.Result(mix, duration);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
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

        public MixedResult Result(MixedMix mix, TimeSpan duration) => new(
            mix,
            duration,
            [.. _reads],
            [.. _writes],
            new Dictionary<MixedChange, int>(_changes),
            _refused,
            _checks,
            [.. _errors],
            [.. _stale]);
    }
}
