using CareStories.Domain.Data;
using CareStories.Domain.Paging;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Admin.Photos;

/// <summary>Every profile photo an Admin took down, newest first, so Admins can review each other's takedowns.</summary>
public sealed class ProfileTakedownsModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 50;

    private static readonly Keyset<ProfilePhotoTakedown, int> Newest = Keyset.NewestFirst((ProfilePhotoTakedown t) => t.At, t => t.Id);

    public IReadOnlyList<Row> Takedowns { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    public sealed record Row(int Id, string AdminName, DateTimeOffset At, string Reason, string PersonId, string PersonName);

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await db.ProfilePhotoTakedowns.AsNoTracking().ToPageAsync(
            Newest,
            key,
            PageSize,
            t => new Row(t.Id, t.Admin.DisplayName, t.At, t.Reason, t.PersonId, t.Person.DisplayName),
            cancellationToken);
        Next = page.Next?.ToString();
        Takedowns = page.Items;
    }
}
