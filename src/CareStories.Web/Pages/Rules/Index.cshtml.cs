using CareStories.Domain.Paging;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Rules;

/// <summary>"Rules we bent": for leaders, the rules people bent for customers, the most recently bent first, with counts.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 20;

    // A rule's place in the list is the last time a shared story bent it (RuleQueries.LastBentAt).
    private static readonly Keyset<BentRule, int> RecentlyBent = Keyset.NewestFirst(RuleQueries.LastBentAt, r => r.Id);

    public sealed record Row(
        int Id, string Name, bool IsProcedure, int Stories, DateTimeOffset? LastBentAt, RuleDecisionKind? Decision, DateTimeOffset? DecidedAt);

    public IReadOnlyList<Row> Rules { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var key = RecentlyBent.Read(after);
        IsFirstPage = key is null;
        var page = await db.BentRules.AsNoTracking()
            .Where(r => r.Stories.AsQueryable().Any(RuleQueries.Shared))
            .ToPageAsync(
                RecentlyBent,
                key,
                PageSize,
                r => new Row(
                    r.Id,
                    r.Name,
                    r.ProcedureId != null,
                    r.Stories.AsQueryable().Count(RuleQueries.Shared),
                    r.Stories.AsQueryable().Where(RuleQueries.Shared).Max(l => l.Story.SubmittedAt),
                    r.Decisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Select(d => (RuleDecisionKind?)d.Kind).FirstOrDefault(),
                    r.Decisions.Max(d => (DateTimeOffset?)d.DecidedAt)),
                cancellationToken);
        Rules = page.Items;
        Next = page.Next?.ToString();
    }
}
