using CareStories.Domain.Catalogue;
using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.People;

/// <summary>
/// A person's record of recognition: their teams, the published stories that credit them, the celebrations they
/// received. Published stories are shared with everyone signed in, so anyone signed in may open this page.
/// </summary>
public sealed class DetailsModel(CareStoriesDbContext db, TimeProvider time, IConfiguration configuration) : PageModel
{
    /// <summary>The period of the totals (<c>?period=30-days</c>, <c>quarter</c>, <c>12-months</c>), as on Insights.</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodSlug { get; set; }

    public Domain.Insights.PeriodChoice Choice { get; private set; }

    public Domain.Insights.ReportingPeriod Period { get; private set; } = null!;

    /// <summary>The same totals a manager's team record shows for this person over <see cref="Period"/>.</summary>
    public Insights.TeamRecordRow PeriodTotals { get; private set; } = null!;

    public const int StoriesPageSize = 10;
    public const int CelebrationsShown = 10;

    public PersonHeader Person { get; private set; } = null!;

    public bool IsMe { get; private set; }

    public Totals Counts { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<BadgeTally> Badges { get; private set; } = [];

    public IReadOnlyList<ReceivedCelebration> Celebrations { get; private set; } = [];

    public IReadOnlyList<StoryRow> Stories { get; private set; } = [];

    /// <summary>The key of the last story shown, for the "older stories" link; null on the last page.</summary>
    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public sealed record Totals(int Stories, int Celebrations, int Applause, int FixesDone);

    public sealed record BadgeTally(string Name, string? Emoji, BadgeColour Colour, int Count);

    public sealed record StoryRow(
        int Id,
        string Title,
        DateTimeOffset? PublishedAt,
        string AuthorName,
        IReadOnlyList<string> Teams,
        int Celebrations,
        int Applause);

    public async Task<IActionResult> OnGetAsync(string id, string? after, CancellationToken cancellationToken)
    {
        var person = await db.PersonHeaderAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        IsMe = person.Id == User.PersonId();
        Choice = Domain.Insights.PeriodChoiceText.FromSlug(PeriodSlug) is { } choice and not Domain.Insights.PeriodChoice.Chosen
            ? choice
            : Domain.Insights.PeriodChoice.Last12Months;
        Period = Domain.Insights.ReportingPeriod.Ending(Choice, time.GetUtcNow(), Insights.InsightsPageModel.Zone(configuration));
        PeriodTotals = (await Insights.TeamRecordQuery.ForPeopleAsync(db, [new(person.Id, person.Name, null)], Period, cancellationToken))[0];
        var credited = db.PublishedCrediting(id);

        Counts = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Totals(
                credited.Count(),
                db.Celebrations.Count(c => credited.Any(s => s.Id == c.StoryId)),
                db.Applause.Count(a => credited.Any(s => s.Id == a.StoryId)),
                db.Fixes.Count(f => f.Status == Domain.Fixes.FixStatus.Done && f.Credits.Any(c => c.PersonId == id))))
            .SingleAsync(cancellationToken);

        Badges = await db.Celebrations.Where(c => credited.Any(s => s.Id == c.StoryId))
            .GroupBy(c => new { c.BadgeId, c.Badge.Name, c.Badge.Emoji, c.Badge.Colour })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name)
            .Select(g => new BadgeTally(g.Key.Name, g.Key.Emoji, g.Key.Colour, g.Count()))
            .ToListAsync(cancellationToken);

        Celebrations = await credited.CelebrationsOn(db).Take(CelebrationsShown).ToListAsync(cancellationToken);

        // Paged like the feed, on its index, newest first.
        var key = FeedQueries.ByPublished.Read(after);
        IsFirstPage = key is null;
        var page = await credited.AsSplitQuery().ToPageAsync(
            FeedQueries.ByPublished,
            key,
            StoriesPageSize,
            s => new StoryRow(
                s.Id,
                s.Title,
                s.PublishedAt,
                s.Author.DisplayName,
                s.Teams.OrderBy(t => t.Team.Name).Select(t => t.Team.Name).ToList(),
                db.Celebrations.Count(c => c.StoryId == s.Id),
                db.Applause.Count(a => a.StoryId == s.Id)),
            cancellationToken);

        Next = page.Next?.ToString();
        Stories = page.Items;
        return Page();
    }
}
