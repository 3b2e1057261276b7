using CareStories.Domain.Data;
using CareStories.Domain.Paging;
using CareStories.Domain.Stories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Admin.Quotes;

/// <summary>Every part of a quote an Admin removed, newest first, so Admins can review each other's redactions.</summary>
public sealed class RedactionsModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 50;

    private static readonly Keyset<QuoteRedaction, int> Newest = Keyset.NewestFirst((QuoteRedaction r) => r.At, r => r.Id);

    public IReadOnlyList<Row> Redactions { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public sealed record Row(int Id, string AdminName, DateTimeOffset At, QuotePart Part, string Reason, int StoryId, string StoryTitle);

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await db.QuoteRedactions.AsNoTracking().ToPageAsync(
            Newest,
            key,
            PageSize,
            r => new Row(
                r.Id,
                r.Admin.DisplayName,
                r.At,
                r.Part,
                r.Reason,
                db.Quotes.Where(q => q.Id == r.QuoteId).Select(q => q.StoryId).First(),
                db.Quotes.Where(q => q.Id == r.QuoteId).Join(db.Stories, q => q.StoryId, s => s.Id, (q, s) => s.Title).First()),
            cancellationToken);
        Next = page.Next?.ToString();
        Redactions = page.Items;
    }
}
