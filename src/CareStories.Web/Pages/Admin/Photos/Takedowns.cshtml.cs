using CareStories.Domain.Data;
using CareStories.Domain.Paging;
using CareStories.Domain.Stories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Admin.Photos;

/// <summary>Every photo an Admin took off a story, newest first, so Admins can review each other's takedowns.</summary>
public sealed class TakedownsModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 50;

    private static readonly Keyset<PhotoTakedown, int> Newest = Keyset.NewestFirst((PhotoTakedown t) => t.At, t => t.Id);

    public IReadOnlyList<Row> Takedowns { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public sealed record Row(int Id, string AdminName, DateTimeOffset At, string Reason, int StoryId, string StoryTitle);

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await db.PhotoTakedowns.AsNoTracking().ToPageAsync(
            Newest,
            key,
            PageSize,
            t => new Row(
                t.Id,
                t.Admin.DisplayName,
                t.At,
                t.Reason,
                t.StoryId,
                db.Stories.Where(s => s.Id == t.StoryId).Select(s => s.Title).First()),
            cancellationToken);
        Next = page.Next?.ToString();
        Takedowns = page.Items;
    }
}
