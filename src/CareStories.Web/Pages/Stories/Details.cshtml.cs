using CareStories.Domain;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.People;
using CareStories.Domain.Settings;
using CareStories.Domain.Stories;
using CareStories.Web.Authorization;
using CareStories.Web.Identity;
using CareStories.Web.Infrastructure;
using CareStories.Web.Notifications;
using CareStories.Web.Pages.Shared;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The whole story, its quotes and its history; the author's actions on it. Once published, the recognition
/// around it: celebrations, applause, comments, featuring and a link to share.
/// </summary>
public sealed class DetailsModel(
    CareStoriesDbContext db, StoryGate gate, TimeProvider time, IAuthorizationService authorization, StoryNotifier notifier) : PageModel
{
    public StoryView Story { get; private set; } = null!;

    public bool IsAuthor { get; private set; }

    /// <summary>The story's photos, in their order.</summary>
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];

    /// <summary>Whether the signed-in person is an Admin, who may take any photo down.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>Photos an Admin took down, oldest first; read only for the author and Admins.</summary>
    public IReadOnlyList<PhotoTakedownView> PhotoTakedowns { get; private set; } = [];

    /// <summary>Celebrations, applause and comments; null unless the story is published.</summary>
    public RecognitionView? Recognition { get; private set; }

    /// <summary>What the signed-in person may do with the recognition (only read when <see cref="Recognition"/> is set).</summary>
    public RecognitionRights Rights { get; private set; } = RecognitionRights.None;

    /// <summary>The comment whose "hide" form stays open because its reason was refused.</summary>
    public int? HideFormOpenFor { get; private set; }

    [BindProperty]
    public CelebrationInput Celebration { get; set; } = new();

    [BindProperty]
    public CommentInput NewComment { get; set; } = new();

    [BindProperty]
    public HideInput Hide { get; set; } = new();

    // The three forms share this page, so none carries validation attributes (they would refuse each other's
    // posts): the entities check what is posted, and their messages are shown.
    public sealed class CelebrationInput
    {
        public int? BadgeId { get; set; }

        public string? Message { get; set; }
    }

    public sealed class CommentInput
    {
        public string? Text { get; set; }
    }

    public sealed class HideInput
    {
        public string? HiddenReason { get; set; }
    }

    public sealed record StoryView(
        int Id,
        string Title,
        StoryStatus Status,
        string AuthorId,
        string AuthorName,
        DateOnly? OccurredOn,
        string? Situation,
        string? ImmediateAction,
        string? Prevention,
        string? Outcome,
        decimal? SpendAmount,
        string? SpendCurrency,
        string? SpendPurpose,
        string? ReviewComment,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? SubmittedAt,
        IReadOnlyList<HeroView> Heroes,
        IReadOnlyList<TeamView> Teams,
        IReadOnlyList<string> Values,
        IReadOnlyList<QuoteView> Quotes,
        IReadOnlyList<HistoryView> History)
    {
        public bool IsEditable => Status is StoryStatus.Draft or StoryStatus.ChangesRequested;

        public bool CanWithdraw => Status is StoryStatus.Submitted or StoryStatus.ChangesRequested or StoryStatus.Published;

        /// <summary>The story as the story page and the review page show it: one projection, its lists in one split query.</summary>
        public static Task<StoryView> ReadAsync(CareStoriesDbContext db, int id, CancellationToken cancellationToken) =>
            db.Stories.AsNoTracking()
                .Where(s => s.Id == id)
                .Select(s => new StoryView(
                    s.Id,
                    s.Title,
                    s.Status,
                    s.AuthorId,
                    s.Author.DisplayName,
                    s.OccurredOn,
                    s.Situation,
                    s.ImmediateAction,
                    s.Prevention,
                    s.Outcome,
                    s.SpendAmount,
                    s.SpendCurrency,
                    s.SpendPurpose,
                    s.ReviewComment,
                    s.UpdatedAt,
                    s.SubmittedAt,
                    s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => new HeroView(h.PersonId, h.Person.DisplayName, h.Person.JobTitle)).ToList(),
                    s.Teams.OrderBy(t => t.Team.Name).Select(t => new TeamView(t.Team.Name, t.Team.Kind)).ToList(),
                    s.Values.OrderBy(v => v.Value.Name).Select(v => v.Value.Name).ToList(),
                    s.Quotes.OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id)
                        .Select(q => new QuoteView(q.Id, q.Text, q.Source, q.ReceivedOn, q.Naming, q.CustomerName, q.IsTextRedacted, q.IsAttributionRedacted)).ToList(),
                    s.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                        .Select(h => new HistoryView(
                            h.From, h.To, db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First(), h.At, h.Comment))
                        .ToList()))
                .AsSplitQuery()
                .SingleAsync(cancellationToken);
    }

    public sealed record HeroView(string Id, string Name, string? JobTitle);

    public sealed record TeamView(string Name, TeamKind Kind);

    public sealed record QuoteView(int Id, string Text, QuoteSource Source, DateOnly ReceivedOn, CustomerNaming Naming, string? CustomerName, bool IsTextRedacted, bool IsAttributionRedacted)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);

        /// <summary>Customers' own words from a thank-you link, and quotes an Admin redacted, can only be removed.</summary>
        public bool IsEditable => Source != QuoteSource.ThankYouLink && !IsTextRedacted && !IsAttributionRedacted;
    }

    public sealed record HistoryView(StoryStatus? From, StoryStatus To, string ActorName, DateTimeOffset At, string? Comment)
    {
        public string Description => StoryStatusChange.Describe(From, To);
    }

    public sealed record RecognitionView(
        DateTimeOffset? FeaturedAt,
        int FeaturedCount,
        IReadOnlyList<CelebrationView> Celebrations,
        ApplauseView Applause,
        IReadOnlyList<CommentView> Comments,
        IReadOnlyList<BadgeChoice> Badges,
        string ShareUrl)
    {
        public bool IsFeatured => FeaturedAt is not null;
    }

    /// <param name="CelebrationNote">Why a manager or leader sees no celebrate form, when they do not.</param>
    public sealed record PhotoTakedownView(DateTimeOffset At, string Reason);

    public sealed record RecognitionRights(string PersonId, bool CanCelebrate, string? CelebrationNote, bool CanFeature, bool IsAdmin)
    {
        public static readonly RecognitionRights None = new("", false, null, false, false);
    }

    public sealed record CelebrationView(int Id, BadgeChipView Badge, string Message, string CelebratorName, DateTimeOffset At);

    public sealed record BadgeChoice(int Id, string Name, string? Emoji, BadgeColour Colour, string Description)
    {
        public BadgeChipView Chip => new(Name, Emoji, Colour);
    }

    /// <param name="Names">A few of the others who applauded, newest first; never the reader.</param>
    public sealed record ApplauseView(int Count, bool Mine, IReadOnlyList<string> Names)
    {
        /// <summary>"You, Ana and 12 others applauded."</summary>
        public string Summary
        {
            get
            {
                if (Count == 0)
                {
                    return "No applause yet.";
                }

                var shown = (Mine ? Names.Take(2).Prepend("You") : Names.Take(3)).ToList();
                var others = Count - shown.Count;
                if (others > 0)
                {
                    shown.Add(others == 1 ? "1 other" : $"{others:N0} others");
                }

                var who = shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[^1];
                return who + " applauded.";
            }
        }
    }

    /// <param name="Text">Null when the comment is hidden and the reader is not an Admin.</param>
    /// <param name="HiddenByName">Who hid it and why are for Admins only.</param>
    public sealed record CommentView(
        int Id,
        string AuthorId,
        string AuthorName,
        string? Text,
        DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt,
        DateTimeOffset? HiddenAt,
        string? HiddenByName,
        string? HiddenReason)
    {
        public bool IsHidden => HiddenAt is not null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        await LoadAsync(id, check.Facts!, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Sends the story to review, or publishes it at once where the company asks for no review; whoever should
    /// hear about it is told in the same save.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] StoryNotifier notifier, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        var story = await db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        var me = User.PersonId();
        try
        {
            story.Submit(me, time.GetUtcNow(), settings.PublishWithoutReview);
        }
        catch (DomainException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }

            await LoadAsync(id, check.Facts!, cancellationToken);
            return Page();
        }

        await notifier.TellAboutSubmissionAsync(story, me, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = story.Status == StoryStatus.Published
            ? "Your story is published: everyone can read it now. Your company publishes stories without a manager's review."
            : "Your story was submitted. A manager of your team will review it.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (story, me, now) => story.Withdraw(me, now), "Your story was withdrawn. It is no longer shared; you can reopen it as a draft.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (story, me, now) => story.Reopen(me, now), "The story is a draft again. Change it and submit it when ready.", cancellationToken);

    /// <summary>Runs one of the author's state changes; a refused change shows its reason on the story page.</summary>
    private async Task<IActionResult> ChangeAsync(
        int id, Action<Story, string, DateTimeOffset> change, string done, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var story = await db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        try
        {
            change(story, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }

            await LoadAsync(id, check.Facts!, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = done;
        return RedirectToPage(new { id });
    }

    /// <summary>A manager or leader celebrates the story with a badge and a message; its people are told.</summary>
    public async Task<IActionResult> OnPostCelebrateAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        if (!await AllowedAsync(Policies.Celebrate))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var me = User.PersonId();
        var story = await db.Stories
            .Include(s => s.Heroes)
            .Include(s => s.Celebrations.Where(c => c.CelebratorId == me))
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        var badge = Celebration.BadgeId is { } badgeId
            ? await db.Badges.SingleOrDefaultAsync(b => b.Id == badgeId, cancellationToken)
            : null;
        try
        {
            if (badge is null)
            {
                throw new DomainException("Choose a badge for your celebration.", nameof(CelebrationInput.BadgeId));
            }

            story.Celebrate(me, badge, Celebration.Message, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(id, check.Facts!, ex, nameof(Celebration), cancellationToken);
        }

        notifier.TellStoryPeople(story, NotificationKind.StoryCelebrated, me);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second post of the same form raced the first past the check; the unique index kept one.
            if (!await db.Celebrations.AnyAsync(c => c.StoryId == id && c.CelebratorId == me, cancellationToken))
            {
                throw;
            }

            return await RefusedAsync(id, check.Facts!, new DomainException("You have already celebrated this story."), nameof(Celebration), cancellationToken);
        }

        TempData["StatusMessage"] = "Your celebration is on the story, and the people in it have been told.";
        return RedirectToPage("/Stories/Details", null, new { id }, "celebrations");
    }

    /// <summary>Anyone who can read a published story applauds it once; a second post changes nothing.</summary>
    public async Task<IActionResult> OnPostApplaudAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var me = User.PersonId();
        var story = await WithMyApplauseAsync(id, me, cancellationToken);
        if (story.Applause.Count > 0)
        {
            return Applauded(id, AlreadyApplauded);
        }

        try
        {
            story.Applaud(me, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(id, check.Facts!, ex, "", cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two posts raced past the check; the key kept one applause.
            if (!await db.Applause.AnyAsync(a => a.StoryId == id && a.PersonId == me, cancellationToken))
            {
                throw;
            }

            return Applauded(id, AlreadyApplauded);
        }

        return Applauded(id, "You applauded this story.");
    }

    private const string AlreadyApplauded = "You had already applauded this story; your applause counts once.";

    /// <summary>The story with only my applause loaded: all that applauding or taking it back needs.</summary>
    private Task<Story> WithMyApplauseAsync(int id, string me, CancellationToken cancellationToken) =>
        db.Stories.Include(s => s.Applause.Where(a => a.PersonId == me)).SingleAsync(s => s.Id == id, cancellationToken);

    public async Task<IActionResult> OnPostUnapplaudAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var me = User.PersonId();
        var story = await WithMyApplauseAsync(id, me, cancellationToken);
        if (story.Applause.Count == 0)
        {
            return Applauded(id, "You had not applauded this story, so there was nothing to take back.");
        }

        story.WithdrawApplause(me);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken back by another post a moment ago: the outcome is the one asked for.
        }

        return Applauded(id, "Your applause was taken back.");
    }

    /// <summary>Anyone who can read a published story comments on it; its people are told.</summary>
    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var me = User.PersonId();
        var story = await db.Stories.Include(s => s.Heroes).SingleAsync(s => s.Id == id, cancellationToken);
        Comment comment;
        try
        {
            comment = story.AddComment(me, NewComment.Text, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(id, check.Facts!, ex, nameof(NewComment), cancellationToken);
        }

        notifier.TellStoryPeople(story, NotificationKind.StoryCommented, me);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Your comment is posted.";
        return RedirectToPage("/Stories/Details", null, new { id }, $"comment-{comment.Id}");
    }

    /// <summary>The writer deletes their own comment. A comment an Admin hid stays on record.</summary>
    public async Task<IActionResult> OnPostDeleteCommentAsync(int id, int commentId, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var me = User.PersonId();
        var story = await db.Stories
            .Include(s => s.Comments.Where(c => c.Id == commentId))
            .SingleAsync(s => s.Id == id, cancellationToken);
        if (story.Comments.SingleOrDefault() is not { } comment)
        {
            return NotFound();
        }

        if (comment.AuthorId != me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            if (comment.IsHidden)
            {
                throw new DomainException("An admin hid this comment, so it stays on record and cannot be deleted.");
            }

            story.DeleteComment(commentId, me);
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(id, check.Facts!, ex, "", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Your comment was deleted.";
        return RedirectToPage("/Stories/Details", null, new { id }, "comments");
    }

    /// <summary>An Admin hides a comment from everyone; who, when and why stay on record.</summary>
    public async Task<IActionResult> OnPostHideCommentAsync(int id, int commentId, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        if (!await AllowedAsync(Policies.Administer))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var story = await db.Stories
            .Include(s => s.Comments.Where(c => c.Id == commentId))
            .SingleAsync(s => s.Id == id, cancellationToken);
        if (story.Comments.Count == 0)
        {
            return NotFound();
        }

        try
        {
            story.HideComment(commentId, User.PersonId(), Hide.HiddenReason, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            HideFormOpenFor = commentId;
            return await RefusedAsync(id, check.Facts!, ex, nameof(Hide), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The comment is hidden. Everyone sees “Hidden by an admin”; admins still see its text and your reason.";
        return RedirectToPage("/Stories/Details", null, new { id }, $"comment-{commentId}");
    }

    /// <summary>A leader pins the story to the top of the feed; a few stories at most are pinned at once.</summary>
    public Task<IActionResult> OnPostFeatureAsync(int id, CancellationToken cancellationToken) =>
        FeatureAsync(id, async (story, me, now) =>
        {
            var featuredNow = await db.Stories.CountAsync(s => s.FeaturedAt != null, cancellationToken);
            story.Feature(me, featuredNow, now);
        }, "The story is featured: it is pinned to the top of the feed.", cancellationToken);

    public Task<IActionResult> OnPostUnfeatureAsync(int id, CancellationToken cancellationToken) =>
        FeatureAsync(id, (story, _, _) =>
        {
            story.Unfeature();
            return Task.CompletedTask;
        }, "The story is no longer featured.", cancellationToken);

    private async Task<IActionResult> FeatureAsync(
        int id, Func<Story, string, DateTimeOffset, Task> change, string done, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        if (!await AllowedAsync(Policies.FeatureStories))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var story = await db.Stories.SingleAsync(s => s.Id == id, cancellationToken);
        try
        {
            await change(story, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(id, check.Facts!, ex, "", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = done;
        return RedirectToPage(new { id });
    }

    private IActionResult Applauded(int id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage("/Stories/Details", null, new { id }, "applause");
    }

    /// <summary>Shows the story again with the refusal's messages, keeping what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(
        int id, StoryAccessFacts facts, DomainException refusal, string prefix, CancellationToken cancellationToken)
    {
        if (prefix.Length == 0)
        {
            foreach (var error in refusal.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
        }
        else
        {
            ModelState.AddDomainErrors(refusal, prefix);
        }

        await LoadAsync(id, facts, cancellationToken);
        return Page();
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    private async Task LoadAsync(int id, StoryAccessFacts facts, CancellationToken cancellationToken)
    {
        IsAuthor = facts.AuthorId == User.PersonId();
        Story = await StoryView.ReadAsync(db, id, cancellationToken);
        Photos = await db.PhotosOfStoryAsync(id, cancellationToken);
        IsAdmin = await AllowedAsync(Policies.Administer);
        if (IsAuthor || IsAdmin)
        {
            PhotoTakedowns = await db.PhotoTakedowns.AsNoTracking()
                .Where(t => t.StoryId == id)
                .OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new PhotoTakedownView(t.At, t.Reason))
                .ToListAsync(cancellationToken);
        }
        if (Story.Status == StoryStatus.Published)
        {
            await LoadRecognitionAsync(facts, cancellationToken);
        }
    }

    /// <summary>
    /// Everything around a published story in a fixed handful of queries, however many celebrations, applause
    /// and comments it has. Hidden comments' text and the reasons are read only for Admins.
    /// </summary>
    private async Task LoadRecognitionAsync(StoryAccessFacts facts, CancellationToken cancellationToken)
    {
        var id = facts.StoryId;
        var me = User.PersonId();
        var isAdmin = await AllowedAsync(Policies.Administer);
        var summary = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.FeaturedAt,
                FeaturedCount = db.Stories.Count(other => other.FeaturedAt != null),
                Applause = s.Applause.Count(),
                Applauded = s.Applause.Any(a => a.PersonId == me),
                Celebrated = s.Celebrations.Any(c => c.CelebratorId == me),
            })
            .SingleAsync(cancellationToken);

        var involved = facts.AuthorId == me || facts.HeroIds.Contains(me);
        var mayCelebrate = await AllowedAsync(Policies.Celebrate);
        Rights = new RecognitionRights(
            me,
            mayCelebrate && !involved && !summary.Celebrated,
            !mayCelebrate ? null
                : summary.Celebrated ? "You have celebrated this story."
                : involved ? "You cannot celebrate a story you wrote or are credited in."
                : null,
            await AllowedAsync(Policies.FeatureStories),
            isAdmin);

        var applauders = await db.Applause.AsNoTracking()
            .Where(a => a.StoryId == id && a.PersonId != me)
            .OrderByDescending(a => a.At)
            .Select(a => db.Users.Where(u => u.Id == a.PersonId).Select(u => u.DisplayName).First())
            .Take(3)
            .ToListAsync(cancellationToken);

        var celebrations = await db.Celebrations.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new CelebrationView(
                c.Id, new BadgeChipView(c.Badge.Name, c.Badge.Emoji, c.Badge.Colour), c.Message, c.Celebrator.DisplayName, c.At))
            .ToListAsync(cancellationToken);

        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(
                c.Id,
                c.AuthorId,
                c.Author.DisplayName,
                c.HiddenAt == null || isAdmin ? c.Text : null,
                c.CreatedAt,
                c.EditedAt,
                c.HiddenAt,
                isAdmin ? db.Users.Where(u => u.Id == c.HiddenById).Select(u => u.DisplayName).FirstOrDefault() : null,
                isAdmin ? c.HiddenReason : null))
            .ToListAsync(cancellationToken);

        IReadOnlyList<BadgeChoice> badges = Rights.CanCelebrate
            ? await db.Badges.AsNoTracking()
                .Where(b => !b.IsRetired)
                .OrderBy(b => b.Name)
                .Select(b => new BadgeChoice(b.Id, b.Name, b.Emoji, b.Colour, b.Description))
                .ToListAsync(cancellationToken)
            : [];

        Recognition = new RecognitionView(
            summary.FeaturedAt,
            summary.FeaturedCount,
            celebrations,
            new ApplauseView(summary.Applause, summary.Applauded, applauders),
            comments,
            badges,
            Url.PageLink("/Stories/Details", values: new { id }) ?? "");
    }
}
