using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Stories;

/// <summary>My stories: the ones I wrote, and the shared ones I am credited in, most recently changed first.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 20;

    private static readonly Keyset<Story, int> LastChanged = Keyset.NewestFirst((Story s) => s.UpdatedAt, s => s.Id);

    public StoryStatus? Status { get; private set; }

    public IReadOnlyList<Row> Stories { get; private set; } = [];

    public IReadOnlyDictionary<StoryStatus, int> Counts { get; private set; } = new Dictionary<StoryStatus, int>();

    /// <summary>The key of the last row shown, for the "older stories" link; null on the last page.</summary>
    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public string Me { get; private set; } = "";

    public sealed record Row(
        int Id,
        string Title,
        StoryStatus Status,
        string AuthorId,
        string AuthorName,
        DateTimeOffset UpdatedAt,
        string? ReviewComment,
        IReadOnlyList<string> Heroes,
        IReadOnlyList<string> Teams,
        int QuoteCount);

    public async Task OnGetAsync(StoryStatus? status, string? after, CancellationToken cancellationToken)
    {
        Me = User.PersonId();
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        var mine = db.Stories.AsNoTracking().MineToList(Me);

        Counts = await mine.GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var query = Status is { } wanted ? mine.Where(s => s.Status == wanted) : mine;
        var key = LastChanged.Read(after);
        IsFirstPage = key is null;
        var page = await query.AsSplitQuery().ToPageAsync(
            LastChanged,
            key,
            PageSize,
            s => new Row(
                s.Id,
                s.Title,
                s.Status,
                s.AuthorId,
                s.Author.DisplayName,
                s.UpdatedAt,
                s.ReviewComment,
                s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => h.Person.DisplayName).ToList(),
                s.Teams.OrderBy(t => t.Team.Name).Select(t => t.Team.Name).ToList(),
                s.Quotes.Count),
            cancellationToken);

        Next = page.Next?.ToString();
        Stories = page.Items;
    }

    public int Count(StoryStatus? status) => status is { } s ? Counts.GetValueOrDefault(s) : Counts.Values.Sum();
}
