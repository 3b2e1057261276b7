using System.Globalization;
using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using CareStories.Web.Identity;
using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories;

/// <summary>My stories: the ones I wrote, and the shared ones I am credited in, most recently changed first.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 20;

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
        IsFirstPage = !PagingKey.TryParse(after, out var afterUpdated, out var afterId);
        if (!IsFirstPage)
        {
            // Keyset paging on (UpdatedAt, Id): stable when stories share a time, and as fast deep as on top.
            query = query.Where(s => s.UpdatedAt < afterUpdated || (s.UpdatedAt == afterUpdated && s.Id < afterId));
        }

        var rows = await query
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id)
            .Select(s => new Row(
                s.Id,
                s.Title,
                s.Status,
                s.AuthorId,
                s.Author.DisplayName,
                s.UpdatedAt,
                s.ReviewComment,
                s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => h.Person.DisplayName).ToList(),
                s.Teams.OrderBy(t => t.Team.Name).Select(t => t.Team.Name).ToList(),
                s.Quotes.Count))
            .Take(PageSize + 1)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            Next = string.Create(CultureInfo.InvariantCulture, $"{last.UpdatedAt.UtcTicks}-{last.Id}");
        }

        Stories = rows;
    }

    public int Count(StoryStatus? status) => status is { } s ? Counts.GetValueOrDefault(s) : Counts.Values.Sum();
}
