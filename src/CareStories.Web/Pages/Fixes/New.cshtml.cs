using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// Anyone raises a fix: from a published story (its "how a repeat is prevented" is the starting text, and the story
/// can instead join a fix already open) or on its own as an improvement idea. The owning team's managers hear of it.
/// </summary>
public sealed class NewModel(CareStoriesDbContext db, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public const int OpenFixesOffered = 50;

    [BindProperty]
    public FixInput Input { get; set; } = new();

    /// <summary>The story it is raised from; null for an improvement idea.</summary>
    public StorySource? Story { get; private set; }

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    /// <summary>Open fixes the story could join instead of raising a new one.</summary>
    public IReadOnlyList<OpenFix> OpenFixes { get; private set; } = [];

    [BindProperty]
    public int? JoinFixId { get; set; }

    public sealed class FixInput
    {
        public string? Title { get; set; }

        public string? Change { get; set; }

        public int? TeamId { get; set; }
    }

    public sealed record StorySource(int Id, string Title, string? Prevention);

    public sealed record TeamChoice(int Id, string Name, TeamKind Kind);

    public sealed record OpenFix(int Id, string Title, string TeamName);

    public async Task<IActionResult> OnGetAsync(int? storyId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        Input.Change = Story?.Prevention;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? storyId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        try
        {
            if (Input.TeamId is { } teamId && Teams.All(t => t.Id != teamId))
            {
                throw new DomainException("Choose one of the teams listed.", nameof(FixInput.TeamId));
            }

            var fix = Fix.Propose(Input.Title, Input.Change, Input.TeamId, User.PersonId(), Story is { } s ? [s.Id] : [], time.GetUtcNow());
            db.Fixes.Add(fix);
            await db.SaveChangesAsync(cancellationToken);
            TempData["StatusMessage"] = "Your fix is proposed. The team's managers have been told and will accept or decline it.";
            return RedirectToPage("Details", new { id = fix.Id });
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainErrors(refusal);
            return Page();
        }
    }

    /// <summary>The story joins a fix already open instead of raising a new one.</summary>
    public async Task<IActionResult> OnPostJoinAsync(int? storyId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Story is null)
        {
            return NotFound();
        }

        var fix = JoinFixId is { } id ? await db.Fixes.Include(f => f.Stories).Include(f => f.History).SingleOrDefaultAsync(f => f.Id == id, cancellationToken) : null;
        try
        {
            if (fix is null)
            {
                throw new DomainException("Choose the fix this story also needs.", nameof(JoinFixId));
            }

            fix.AddStory(Story.Id, User.PersonId(), time.GetUtcNow());
            await db.SaveFixAsync(fix.Id, cancellationToken);
        }
        catch (DomainException refusal)
        {
            // The join form has one field: every refusal is about the fix chosen.
            foreach (var error in refusal.Errors)
            {
                ModelState.AddModelError(nameof(JoinFixId), error.Message);
            }

            return Page();
        }

        TempData["StatusMessage"] = "The story is on the fix now.";
        return RedirectToPage("Details", new { id = fix.Id });
    }

    /// <summary>The teams and the story; a story the person may not read is a 404, one not published is not fixed from yet.</summary>
    private async Task<IActionResult?> LoadAsync(int? storyId, CancellationToken cancellationToken)
    {
        if (storyId is { } id)
        {
            var facts = await db.Stories.AccessFactsAsync(id, cancellationToken);
            if (facts is null || !(await authorization.AuthorizeAsync(User, facts, StoryOperations.Read)).Succeeded)
            {
                return NotFound();
            }

            if (facts.Status != StoryStatus.Published)
            {
                TempData["StatusMessage"] = "A fix is raised from a published story. Once this one is published, raise it from here.";
                return RedirectToPage("/Stories/Details", new { id });
            }

            Story = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => new StorySource(s.Id, s.Title, s.Prevention)).SingleAsync(cancellationToken);
            OpenFixes = await db.Fixes.AsNoTracking()
                .Where(f => FixStatusText.Open.Contains(f.Status) && !f.Stories.Any(s => s.StoryId == id))
                .OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id)
                .Take(OpenFixesOffered)
                .Select(f => new OpenFix(f.Id, f.Title, f.Team.Name))
                .ToListAsync(cancellationToken);
        }

        // Behind-the-scenes teams first: they usually own what stops a problem coming back.
        Teams = await db.Teams.AsNoTracking()
            .OrderByDescending(t => t.Kind == TeamKind.BehindTheScenes).ThenBy(t => t.Name)
            .Select(t => new TeamChoice(t.Id, t.Name, t.Kind))
            .ToListAsync(cancellationToken);
        return null;
    }
}
