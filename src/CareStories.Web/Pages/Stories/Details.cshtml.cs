using CareStories.Web.Authorization;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The whole story, its quotes, photos and history; once published, the recognition around it. This page only
/// reads: every action on the story posts to its own page in this folder (Status, Celebrate, Applause, Feature,
/// Comments) or, for moderation, under Admin.
/// </summary>
public sealed class DetailsModel(
    CareStoriesDbContext db,
    StoryGate gate,
    IAuthorizationService authorization,
    Freshness.SharedContentStamp stamp,
    Freshness.SharedContentCache cache,
    TimeProvider time)
    : StoryPageModel(gate)
{
    public StoryView Story { get; private set; } = null!;

    public bool IsAuthor { get; private set; }

    /// <summary>Whether the signed-in person is an Admin, who may redact quotes and take photos or comments down.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>The story's photos, in their order.</summary>
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];

    /// <summary>Photos an Admin took down, oldest first; read only for the author and Admins.</summary>
    public IReadOnlyList<PhotoTakedownView> PhotoTakedowns { get; private set; } = [];

    /// <summary>Celebrations, applause and comments; null unless the story is published.</summary>
    public RecognitionView? Recognition { get; private set; }

    public sealed record PhotoTakedownView(DateTimeOffset At, string Reason);

    /// <summary>
    /// The stamp the markup every reader shares (the text, the facts, the history) is filed under: the story page's,
    /// nothing about the reader. Each part's key is <see cref="PartKey"/>.
    /// </summary>
    public long PartsStamp { get; private set; }

    private string _partsKey = "";

    /// <summary>
    /// What <paramref name="part"/> of the shared markup is filed under at <see cref="PartsStamp"/>; empty (rendered every
    /// time) until the story has been read.
    /// </summary>
    public string PartKey(string part) => _partsKey.Length == 0 ? "" : $"story-{part}:{_partsKey}";

    /// <summary>
    /// What the whole body of the page is kept under, as markup, for a reader whose view of it holds nothing of their
    /// own (<see cref="KeepsWholeBody"/>); empty for everyone else, whose body is rendered for them.
    /// </summary>
    public string BodyKey { get; private set; } = "";

    /// <summary>The stamp <see cref="BodyKey"/> is filed under: the story page's, or the shared one when the body shows another story.</summary>
    public long BodyStamp { get; private set; }

    /// <summary>What every reader the gate lets in sees of the story: one cache entry per story and change stamp.</summary>
    private sealed record SharedStory(StoryView Story, IReadOnlyList<PhotoView> Photos, SharedRecognition? Recognition)
    {
        /// <summary>Roughly what the entry holds, for the cache's size limit: the texts, twice over as UTF-16, and a little per row.</summary>
        public static long Kilobytes(SharedStory shared)
        {
            var story = shared.Story;
            long characters = (story.Situation?.Length ?? 0) + (story.ImmediateAction?.Length ?? 0) + (story.Prevention?.Length ?? 0)
                + (story.Outcome?.Length ?? 0) + story.Quotes.Sum(q => q.Text.Length) + (shared.Recognition?.Comments.Sum(c => c.Text?.Length ?? 0) ?? 0)
                + (shared.Recognition?.Celebrations.Sum(c => c.View.Message.Length) ?? 0);
            var rows = story.Heroes.Count + story.Quotes.Count + story.History.Count + shared.Photos.Count
                + (shared.Recognition is { } r ? r.Applause.Count + r.Celebrations.Count + r.Comments.Count : 0);
            return 1 + ((characters * 2) + (rows * 200)) / 1024;
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ShowCarriedRefusals();
        var me = User.PersonId();
        var id = StoryId;
        IsAuthor = Facts.AuthorId == me;
        IsAdmin = await AllowedAsync(Policies.Administer);
        // The story's text, people, quotes, history, photos and the recognition around it are the same for everyone
        // the gate lets in: read once per change stamp. What is about me (my applause, my celebration, what I may
        // do) is worked out from those complete lists below, without reading anything more.
        // Filed under the story's own stamp, so a change to another story leaves it cached (Freshness/StoryPageStamp);
        // its shared markup under the same key.
        var (storyStamp, storyKey) = await stamp.StoryPageKeyAsync(id, cancellationToken);
        (PartsStamp, _partsKey) = (storyStamp, storyKey);
        var shared = await cache.GetOrLoadAsync(storyStamp, storyKey, async () =>
        {
            var story = await StoryView.ReadAsync(db, id, cancellationToken);
            var photos = await db.PhotosOfStoryAsync(id, cancellationToken);
            var recognition = story.Status == StoryStatus.Published ? await SharedRecognition.ReadAsync(db, id, cancellationToken) : null;
            return new SharedStory(story, photos, recognition);
        }, SharedStory.Kilobytes);
        (Story, Photos) = (shared.Story, shared.Photos);
        if (IsAuthor || IsAdmin)
        {
            PhotoTakedowns = await db.PhotoTakedowns.AsNoTracking()
                .Where(t => t.StoryId == id)
                .OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new PhotoTakedownView(t.At, t.Reason))
                .ToListAsync(cancellationToken);
        }

        if (shared.Recognition is { } recognition)
        {
            var roles = new RecognitionRights.Roles(
                await AllowedAsync(Policies.Celebrate), await AllowedAsync(Policies.FeatureStories), IsAdmin);
            var rights = RecognitionRights.For(Facts, me, roles, recognition.Celebrations.Any(c => c.CelebratorId == me));
            var badges = rights.CanCelebrate
                ? await cache.GetOrLoadAsync(await stamp.CurrentAsync(cancellationToken), "badges", () => BadgeChoice.ReadAsync(db, cancellationToken))
                : [];
            var shareUrl = Url.PageLink("/Stories/Details", values: new { id }) ?? "";
            Recognition = RecognitionView.For(recognition, Facts, rights, shareUrl, badges);
        }

        if (KeepsWholeBody(shared, me))
        {
            // The fixes panel of a story that repeats another shows that story, which its own stamp does not cover.
            // Read only here: a page rendered for its reader (an author, a manager) does not need it.
            var repeats = await cache.GetOrLoadAsync(
                storyStamp, "repeats:" + storyKey, async () => new Repeats(await db.StoryRepeats.AnyAsync(r => r.StoryId == id, cancellationToken)));
            BodyStamp = repeats.Any ? await stamp.CurrentAsync(cancellationToken) : storyStamp;
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            BodyKey = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"story-body:{storyKey}:{(Recognition?.Applause.OwnStory == true ? "own" : "any")}:{today:yyyyMMdd}:{Request.Scheme}://{Request.Host}");
        }
    }

    /// <summary>
    /// Whether this reader's body of the page is the one every such reader sees, so it can be kept as markup: nothing
    /// in it is theirs. Not for the author or an Admin (their controls), a manager or leader with a celebrate form, a
    /// note on celebrating or the feature bar, someone who applauded (the summary names them "You") or commented (their
    /// comments' links), nor a page showing a refusal. What else differs between such readers is in the key: whether
    /// they are credited in it (no applaud button), the day (a fix is overdue from a date), the address the share link
    /// names. Their forms' tokens are their own, written into the kept markup per response.
    /// </summary>
    private bool KeepsWholeBody(SharedStory shared, string me) =>
        cache.Enabled && !IsAuthor && !IsAdmin && ModelState.ErrorCount == 0
        && (Recognition is null
            || (Recognition is { Applause.Mine: false, Rights: { CanCelebrate: false, CelebrationNote: null, CanFeature: false } }
                && !shared.Recognition!.Comments.Any(c => c.AuthorId == me)));

    /// <summary>Whether the story says it repeats an earlier one, whose title and fixes its fixes panel shows.</summary>
    private sealed record Repeats(bool Any);

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
