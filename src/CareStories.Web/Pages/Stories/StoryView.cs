namespace CareStories.Web.Pages.Stories;

/// <summary>
/// A story as the story page and the review page show it: its words, the people and teams in it, its quotes and
/// its history. One projection, its lists read in one split query.
/// </summary>
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
    IReadOnlyList<StoryView.HeroView> Heroes,
    IReadOnlyList<StoryView.TeamView> Teams,
    IReadOnlyList<string> Values,
    IReadOnlyList<StoryView.QuoteView> Quotes,
    IReadOnlyList<StoryView.HistoryView> History)
{
    public bool IsEditable => Status.IsEditable();

    public string? AuthorPhotoKey { get; init; }

    public bool CanWithdraw => Status.CanBeWithdrawn();

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
                s.Spend == null ? null : s.Spend.Amount,
                s.Spend == null ? null : s.Spend.Currency,
                s.Spend == null ? null : s.Spend.Purpose,
                s.ReviewComment,
                s.UpdatedAt,
                s.SubmittedAt,
                s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => new HeroView(h.PersonId, h.Person.DisplayName, h.Person.JobTitle, h.Person.PhotoKey)).ToList(),
                s.Teams.OrderBy(t => t.Team.Name).Select(t => new TeamView(t.Team.Name, t.Team.Kind)).ToList(),
                s.Values.OrderBy(v => v.Value.Name).Select(v => v.Value.Name).ToList(),
                s.Quotes.OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id)
                    .Select(q => new QuoteView(q.Id, q.Text, q.Source, q.ReceivedOn, q.Naming, q.CustomerName, q.IsTextRedacted, q.IsAttributionRedacted)).ToList(),
                s.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Select(h => new HistoryView(
                        h.From, h.To, db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First(), h.At, h.Comment))
                    .ToList())
            {
                AuthorPhotoKey = s.Author.PhotoKey,
            })
            .AsSplitQuery()
            .SingleAsync(cancellationToken);

    public sealed record HeroView(string Id, string Name, string? JobTitle, string? PhotoKey = null);

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
}
