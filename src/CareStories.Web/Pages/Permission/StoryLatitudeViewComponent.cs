using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Permission;

/// <summary>
/// On a story (and its review): spend over the limit with how far and why, the rule it bent and why, a warning when
/// that rule is a must-follow procedure, and what leaders decided about the rule. The page has already checked that
/// the person may read the story.
/// </summary>
public sealed class StoryLatitudeViewComponent(
    CareStoriesDbContext db, Freshness.SharedContentStamp stamp, Freshness.SharedContentCache cache) : ViewComponent
{
    public sealed record LatitudeView(
        decimal? Amount, string? Currency, decimal? LimitAmount, string? LimitCurrency, string? OverLimitReason,
        int? RuleId, string? RuleName, bool RuleIsProcedure, string? ProcedureWhy, string? RuleWhy,
        IReadOnlyList<Decision> Decisions, bool ForReviewer)
    {
        public bool IsOver => Amount is { } amount && Currency is { } currency
            && StoryLatitude.IsOver(new Spend(amount, currency, ""), LimitAmount, LimitCurrency);

        public string OverBy => Money.Format(Amount!.Value - LimitAmount!.Value, LimitCurrency!);

        public string Limit => Money.Format(LimitAmount!.Value, LimitCurrency!);

        /// <summary>How far over, as a share of the limit ("35 % over").</summary>
        public string OverShare => ((Amount!.Value - LimitAmount!.Value) / LimitAmount.Value).ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Decision(RuleDecisionKind Kind, string Text, string? Owner, string DecidedBy, DateTimeOffset At);

    /// <summary>A story's latitude or its absence, as the cache holds it.</summary>
    private sealed record Shared(LatitudeView? View);

    public async Task<IViewComponentResult> InvokeAsync(int storyId, bool forReviewer = false)
    {
        // The same for everyone who may read the story (the page has checked that): read once per story page stamp
        // (Freshness.StoryPageStamp). What it shows is the story's own rows (its spend, its latitude), which renew the
        // story's stamp, or rules, procedures and decisions, which belong to no story and renew the stamp of changes
        // every story page may show; so an applause on another story leaves it cached.
        var cancellationToken = HttpContext.RequestAborted;
        var (storyStamp, storyKey) = await stamp.StoryPageKeyAsync(storyId, cancellationToken);
        var shared = await cache.GetOrLoadAsync(
            storyStamp,
            "latitude:" + storyKey,
            async () => new Shared(await ReadAsync(storyId, cancellationToken)));
        var view = shared.View is null ? null : shared.View with { ForReviewer = forReviewer };
        return view is null || (!view.IsOver && view.RuleId is null)
            ? Content("")
            : View("/Pages/Permission/_StoryLatitude.cshtml", view);
    }

    private Task<LatitudeView?> ReadAsync(int storyId, CancellationToken cancellationToken) =>
        db.StoryLatitudes.AsNoTracking()
            .Where(l => l.StoryId == storyId)
            .Select(l => new LatitudeView(
                l.Story.Spend == null ? null : l.Story.Spend.Amount,
                l.Story.Spend == null ? null : l.Story.Spend.Currency,
                l.LimitAmount,
                l.LimitCurrency,
                l.OverLimitReason,
                l.BentRuleId,
                l.BentRule == null ? null : l.BentRule.Name,
                l.BentRule != null && l.BentRule.ProcedureId != null,
                l.BentRule == null || l.BentRule.Procedure == null ? null : l.BentRule.Procedure.Why,
                l.BentRuleWhy,
                l.BentRule == null
                    ? new List<Decision>()
                    : l.BentRule.Decisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
                        .Select(d => new Decision(d.Kind, d.Text, d.Owner, db.Users.Where(u => u.Id == d.DecidedById).Select(u => u.DisplayName).First(), d.DecidedAt))
                        .ToList(),
                false))
            .SingleOrDefaultAsync(cancellationToken);
}
