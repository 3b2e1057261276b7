using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Rules;

/// <summary>One bent rule: the stories that bent it and why, the decisions so far, and a leader's new decision.</summary>
public sealed class DetailsModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The stories shown under a rule; the count above says how many there are in all.</summary>
    public const int StoriesShown = 50;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public sealed class DecisionInput
    {
        [Display(Name = "Decision")]
        public RuleDecisionKind? Kind { get; set; }

        public string? Text { get; set; }

        public string? Owner { get; set; }
    }

    public sealed record RuleView(int Id, string Name, bool IsProcedure, string? ProcedureWhy, string? ProcedureOwner, int StoryCount);

    public sealed record StoryRow(int Id, string Title, string AuthorName, StoryStatus Status, DateTimeOffset? SubmittedAt, string? Why);

    public sealed record DecisionRow(RuleDecisionKind Kind, string Text, string? Owner, string DecidedBy, DateTimeOffset At);

    public RuleView Rule { get; private set; } = null!;

    public IReadOnlyList<StoryRow> Stories { get; private set; } = [];

    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var rule = await db.BentRules.Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        try
        {
            if (Input.Kind is not { } kind)
            {
                throw new DomainException("Choose what happens to the rule.", nameof(RuleDecision.Kind));
            }

            var sameName = kind == RuleDecisionKind.MakeMustFollow
                ? await db.MustFollowProcedures.FirstOrDefaultAsync(p => p.Name == rule.Name, cancellationToken)
                : null;
            rule.Decide(kind, Input.Text, Input.Owner, User.PersonId(), time.GetUtcNow(), sameName);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Another leader decided on this rule a moment ago. Read their decision below, then decide again if you still want to.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = $"Your decision on “{rule.Name}” is recorded. The people in the stories that bent it have been told.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var rule = await db.BentRules.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new RuleView(
                r.Id, r.Name, r.ProcedureId != null,
                r.Procedure == null ? null : r.Procedure.Why,
                r.Procedure == null ? null : r.Procedure.Owner,
                r.Stories.AsQueryable().Count(RuleQueries.Shared)))
            .SingleOrDefaultAsync(cancellationToken);
        if (rule is null)
        {
            return false;
        }

        Rule = rule;
        Stories = await db.StoryLatitudes.AsNoTracking()
            .Where(l => l.BentRuleId == id)
            .Where(RuleQueries.Shared)
            .OrderByDescending(l => l.Story.SubmittedAt).ThenByDescending(l => l.StoryId)
            .Select(l => new StoryRow(l.StoryId, l.Story.Title, l.Story.Author.DisplayName, l.Story.Status, l.Story.SubmittedAt, l.BentRuleWhy))
            .Take(StoriesShown)
            .ToListAsync(cancellationToken);
        Decisions = await db.BentRules.AsNoTracking()
            .Where(r => r.Id == id)
            .SelectMany(r => r.Decisions)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .Select(d => new DecisionRow(d.Kind, d.Text, d.Owner, db.Users.Where(u => u.Id == d.DecidedById).Select(u => u.DisplayName).First(), d.DecidedAt))
            .ToListAsync(cancellationToken);
        return true;
    }
}
