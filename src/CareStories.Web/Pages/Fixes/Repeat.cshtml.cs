using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// The author says their story is a repeat of an earlier one that prompted a fix: it shows on that story's fixes,
/// so their owners see the problem came back. Only the story's author (<see cref="StoryOperations.Change"/>).
/// </summary>
public sealed class RepeatModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : StoryPageModel(gate)
{
    public const int Offered = 100;

    protected override OperationAuthorizationRequirement Operation => StoryOperations.Change;

    protected override string StoryIdRouteValue => "storyId";

    [BindProperty]
    public int? RepeatOfStoryId { get; set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<Earlier> Choices { get; private set; } = [];

    public string? AlreadyRepeats { get; private set; }

    public sealed record Earlier(int Id, string Title, DateTimeOffset? PublishedAt, int Fixes);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        try
        {
            if (AlreadyRepeats is not null)
            {
                throw new DomainException($"This story already says it repeats “{AlreadyRepeats}”.", nameof(RepeatOfStoryId));
            }

            var story = await db.Stories.AsNoTracking().Where(s => s.Id == StoryId).Select(s => new { s.OccurredOn, s.PublishedAt }).SingleAsync(cancellationToken);
            var earlier = Choices.FirstOrDefault(c => c.Id == RepeatOfStoryId);
            var happened = story.OccurredOn is { } on ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : story.PublishedAt;
            db.StoryRepeats.Add(StoryRepeat.Mark(
                StoryId, RepeatOfStoryId, happened, earlier?.PublishedAt, User.PersonId(), time.GetUtcNow()));
            // The story's id is the key: a second post racing this one is refused by the database.
            await db.SaveOrExplainAsync(_ => Task.FromResult<string?>("This story already says which story it repeats."), cancellationToken);
        }
        catch (DomainException refusal)
        {
            foreach (var error in refusal.Errors)
            {
                ModelState.AddModelError(nameof(RepeatOfStoryId), error.Message);
            }

            return Page();
        }

        return BackToStory("Noted: the earlier story's fixes now show this happened again.", "fixes");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = StoryId;
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new
            {
                s.Title,
                Repeats = db.StoryRepeats.Where(r => r.StoryId == s.Id).Join(db.Stories, r => r.RepeatOfStoryId, e => e.Id, (r, e) => e.Title).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        Title = story.Title;
        AlreadyRepeats = story.Repeats;
        // Earlier published stories that prompted a fix: the ones whose fix should have stopped this.
        Choices = await db.Stories.AsNoTracking()
            .Where(s => s.Id != id && s.Status == StoryStatus.Published && db.FixStories.Any(f => f.StoryId == s.Id))
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(Offered)
            .Select(s => new Earlier(s.Id, s.Title, s.PublishedAt, db.FixStories.Count(f => f.StoryId == s.Id)))
            .ToListAsync(cancellationToken);
    }
}
