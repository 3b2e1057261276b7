using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Thanks;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using CareStories.Web.Thanks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Review.Thanks;

/// <summary>
/// A manager decides on one customer's thank-you: approve it as a new draft story (for the person thanked, or a
/// member of the team thanked), approve it onto one of their stories, or discard it, erasing the words. Only the
/// managers who may decide get in (others: 404), never the person thanked (403).
/// </summary>
public sealed class DecideModel(CareStoriesDbContext db, StoryGate gate, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    /// <summary>How many stories the "add it to a story" list offers, newest first.</summary>
    public const int StoryChoices = 50;

    [BindProperty]
    public DecideInput Input { get; set; } = new();

    public ThanksView Thanks { get; private set; } = null!;

    public IReadOnlyList<MemberChoice> Members { get; private set; } = [];

    public IReadOnlyList<StoryChoice> Stories { get; private set; } = [];

    public DecideForm Form => new(ModelState);

    public sealed class DecideInput
    {
        [Display(Name = "Who gets the draft")]
        public string? OwnerId { get; set; }

        [Display(Name = "Title of the draft (optional)")]
        [StringLength(CustomerThanks.TitleMaxLength, ErrorMessage = "Keep the title to {1:N0} characters or fewer.")]
        public string? Title { get; set; }

        [Display(Name = "The story")]
        public int? StoryId { get; set; }
    }

    public sealed record DecideForm(ModelStateDictionary ModelState) : FormState(ModelState);

    public sealed record ThanksView(
        int Id, string Text, CustomerNaming Naming, string? CustomerName, string? PersonId, string? PersonName, int? TeamId, string? TeamName, DateTimeOffset ReceivedAt)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);

        public bool IsForTeam => TeamId is not null;

        public string For => PersonName ?? $"the {TeamName} team";
    }

    public sealed record MemberChoice(string Id, string Name);

    public sealed record StoryChoice(int Id, string Title, StoryStatus Status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Remove("Input.StoryId");
        var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id, cancellationToken);
        var me = User.PersonId();
        var ownerId = thanks.PersonId ?? Input.OwnerId;
        if (thanks.TeamId is { } teamId
            && (string.IsNullOrEmpty(ownerId)
                || !await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId && m.PersonId == ownerId && m.Person.DeactivatedAt == null, cancellationToken)))
        {
            ModelState.AddModelError("Input.OwnerId", "Choose someone in the team to own the draft.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var now = time.GetUtcNow();
        Story draft;
        try
        {
            draft = thanks.ApproveAsDraft(me, ownerId!, Input.Title, now);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        db.Stories.Add(draft);
        if (await SaveDecisionAsync(id, null, cancellationToken) is { } lost)
        {
            return lost;
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        TempData["StatusMessage"] = ownerId == me
            ? $"Approved: the draft “{draft.Title}” with the customer's words is in your stories."
            : $"Approved: {owner} has a new draft, “{draft.Title}”, with the customer's words, and has been told.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Remove("Input.OwnerId");
        ModelState.Remove("Input.Title");
        var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id, cancellationToken);
        var story = Input.StoryId is { } storyId
            ? await db.Stories
                .Include(s => s.Quotes).Include(s => s.Heroes).Include(s => s.Teams)
                .AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken)
            : null;
        var me = User.PersonId();
        var now = time.GetUtcNow();
        try
        {
            // Only a story the manager may read: a thanked person's story under review in another team is not theirs to touch.
            if (story is null || (await gate.CheckAsync(this, story.Id, StoryOperations.Read, cancellationToken)).Denied is not null)
            {
                throw new DomainException("Choose the story to add the thank-you to.", nameof(DecideInput.StoryId));
            }

            thanks.ApproveOnto(story, me, now);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        if (await SaveDecisionAsync(id, story.Id, cancellationToken) is { } lost)
        {
            return lost;
        }

        TempData["StatusMessage"] = $"Approved: the customer's words are on “{story.Title}”, and the people in it have been told.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id, cancellationToken);
        thanks.Discard(User.PersonId(), time.GetUtcNow());
        if (await SaveDecisionAsync(id, null, cancellationToken) is { } lost)
        {
            return lost;
        }

        TempData["StatusMessage"] = "The thank-you was discarded: the customer's words and name are erased.";
        return RedirectToPage("Index");
    }

    /// <summary>
    /// Saves the decision. When another manager decided the same thank-you (or changed the chosen story) a moment
    /// earlier, nothing is saved and the page says who did, keeping what this manager typed; null when saved.
    /// </summary>
    private async Task<IActionResult?> SaveDecisionAsync(int id, int? storyId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveOrExplainAsync(
                async ct => await db.WhoDecidedThanksAsync(id, ct)
                    ?? (storyId is { } chosen ? await db.WhoChangedStoryAsync(chosen, ct) : null),
                cancellationToken);
            return null;
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    /// <summary>
    /// 404 for a thank-you this person may not decide on (another team's), 403 for one thanking them; back to the
    /// queue, told who decided, when it is no longer waiting. Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> DenyAsync(int id, CancellationToken cancellationToken)
    {
        var facts = await db.FactsAsync(id, cancellationToken);
        if (facts is null)
        {
            return NotFound();
        }

        var me = User.PersonId();
        if (facts.PersonId == me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!(await authorization.AuthorizeAsync(User, facts.Target, ThanksOperations.Decide)).Succeeded)
        {
            return NotFound();
        }

        if (facts.Status == ThanksStatus.Waiting)
        {
            return null;
        }

        var decided = await db.CustomerThanks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.DecidedById, Name = t.DecidedBy != null ? t.DecidedBy.DisplayName : null })
            .SingleAsync(cancellationToken);
        var who = decided.DecidedById == me ? "you" : decided.Name ?? "another manager";
        TempData["StatusMessage"] = facts.Status == ThanksStatus.Approved
            ? $"That thank-you was already approved by {who}; nothing more to do."
            : $"That thank-you was already discarded by {who}; nothing more to do.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Thanks = await db.CustomerThanks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new ThanksView(
                t.Id,
                t.Text,
                t.Naming,
                t.CustomerName,
                t.PersonId,
                t.Person != null ? t.Person.DisplayName : null,
                t.TeamId,
                t.Team != null ? t.Team.Name : null,
                t.ReceivedAt))
            .SingleAsync(cancellationToken);

        if (Thanks.TeamId is { } teamId)
        {
            Members = await db.TeamMemberships.AsNoTracking()
                .Where(m => m.TeamId == teamId && m.Person.DeactivatedAt == null)
                .OrderBy(m => m.Person.DisplayName)
                .Select(m => new MemberChoice(m.PersonId, m.Person.DisplayName))
                .ToListAsync(cancellationToken);
        }

        // Published stories are everyone's; one under review only if this manager may read it (their teams' or the
        // author's teams'), the same rule as the story page.
        var viewer = await db.TeamMemberships.ViewerAsync(User.PersonId(), User.IsInRole(Roles.Admin), cancellationToken);
        var managed = viewer.ManagedTeamIds;
        var published = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        var underReview = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Submitted || s.Status == StoryStatus.ChangesRequested);
        var open = viewer.IsAdmin
            ? published.Concat(underReview)
            : published.Concat(underReview.Where(StoryAccess.ReviewedByManagersOf(managed)));
        var personId = Thanks.PersonId;
        var theirs = Thanks.TeamId is { } team
            ? open.Where(s => s.Teams.Any(t => t.TeamId == team))
            : open.Where(s => s.AuthorId == personId || s.Heroes.Any(h => h.PersonId == personId));
        Stories = await theirs
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new StoryChoice(s.Id, s.Title, s.Status))
            .Take(StoryChoices)
            .ToListAsync(cancellationToken);
    }
}
