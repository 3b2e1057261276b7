using CareStories.Domain.Fixes;
using CareStories.Web.Pages.Shared;

namespace CareStories.Web.Pages.Fixes;

/// <summary>One fix as its page and its action pages show it: the facts, its stories and repeats, credits, history, celebrations.</summary>
public sealed record FixView(
    int Id,
    string Title,
    string Change,
    int TeamId,
    string TeamName,
    TeamKind TeamKind,
    FixStatus Status,
    string? OwnerId,
    string? OwnerName,
    DateOnly? TargetDate,
    string RaisedById,
    string RaisedByName,
    DateTimeOffset RaisedAt,
    DateTimeOffset? DoneAt,
    string? WhatChanged,
    string? DeclineReason)
{
    public IReadOnlyList<StoryLink> Stories { get; init; } = [];

    public IReadOnlyList<RepeatLink> Repeats { get; init; } = [];

    public IReadOnlyList<PersonLink> Credited { get; init; } = [];

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    public IReadOnlyList<CelebrationEntry> Celebrations { get; init; } = [];

    public bool IsIdea => Stories.Count == 0;

    public bool IsOverdue(DateOnly today) => Status.IsOpen() && TargetDate is { } target && target < today;

    public sealed record StoryLink(int Id, string Title);

    /// <summary>A later story that says it is a repeat of <paramref name="RepeatOfTitle"/>, one of this fix's stories.</summary>
    public sealed record RepeatLink(int StoryId, string Title, string RepeatOfTitle, DateTimeOffset? PublishedAt);

    public sealed record PersonLink(string Id, string Name);

    public sealed record HistoryEntry(FixStatus? From, FixStatus To, string ActorName, DateTimeOffset At, string? Note)
    {
        public string Description => From switch
        {
            null => "Proposed",
            var from when from == To => "Updated",
            _ => To switch
            {
                FixStatus.Accepted => "Accepted",
                FixStatus.InProgress => "Work started",
                FixStatus.Done => "Marked done",
                FixStatus.Declined => "Declined",
                _ => To.Label(),
            },
        };
    }

    public sealed record CelebrationEntry(int Id, BadgeChipView Badge, string Message, string CelebratorName, DateTimeOffset At);

    /// <summary>Reads one fix in a fixed handful of commands, or null when there is none. Only published stories are named.</summary>
    public static async Task<FixView?> ReadAsync(CareStoriesDbContext db, int id, CancellationToken cancellationToken)
    {
        var fix = await db.Fixes.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new FixView(
                f.Id, f.Title, f.Change, f.TeamId, f.Team.Name, f.Team.Kind, f.Status, f.OwnerId,
                f.Owner == null ? null : f.Owner.DisplayName, f.TargetDate, f.RaisedById, f.RaisedBy.DisplayName,
                f.RaisedAt, f.DoneAt, f.WhatChanged, f.DeclineReason))
            .SingleOrDefaultAsync(cancellationToken);
        if (fix is null)
        {
            return null;
        }

        var stories = await db.FixStories.AsNoTracking()
            .Where(s => s.FixId == id && s.Story.Status == StoryStatus.Published)
            .OrderBy(s => s.Story.PublishedAt).ThenBy(s => s.StoryId)
            .Select(s => new StoryLink(s.StoryId, s.Story.Title))
            .ToListAsync(cancellationToken);
        var repeats = await (
            from repeat in db.StoryRepeats.AsNoTracking()
            join link in db.FixStories on repeat.RepeatOfStoryId equals link.StoryId
            join later in db.Stories on repeat.StoryId equals later.Id
            where link.FixId == id && later.Status == StoryStatus.Published
            orderby later.PublishedAt
            select new RepeatLink(later.Id, later.Title, link.Story.Title, later.PublishedAt))
            .ToListAsync(cancellationToken);
        var credited = await db.FixCredits.AsNoTracking()
            .Where(c => c.FixId == id)
            .OrderBy(c => c.Person.DisplayName)
            .Select(c => new PersonLink(c.PersonId, c.Person.DisplayName))
            .ToListAsync(cancellationToken);
        var history = await db.FixHistory.AsNoTracking()
            .Where(h => h.FixId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryEntry(h.From, h.To, db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First(), h.At, h.Note))
            .ToListAsync(cancellationToken);
        var celebrations = await db.FixCelebrations.AsNoTracking()
            .Where(c => c.FixId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new CelebrationEntry(c.Id, new BadgeChipView(c.Badge.Name, c.Badge.Emoji, c.Badge.Colour), c.Message, c.Celebrator.DisplayName, c.At))
            .ToListAsync(cancellationToken);
        return fix with { Stories = stories, Repeats = repeats, Credited = credited, History = history, Celebrations = celebrations };
    }
}
