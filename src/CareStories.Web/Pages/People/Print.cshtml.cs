using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Fixes;

namespace CareStories.Web.Pages.People;

/// <summary>
/// A person's recognition over a period, laid out to print or save as PDF for a performance review: every
/// published story that credits them which happened in the period, and every celebration they were given in it.
/// </summary>
public sealed class PrintModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public const int SummaryLength = 320;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Start date")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "End date")]
    public DateOnly? To { get; set; }

    public PersonHeader Person { get; private set; } = null!;

    public DateTimeOffset GeneratedAt { get; private set; }

    /// <summary>False when the period could not be read; the form shows why and no record is listed.</summary>
    public bool HasRecord { get; private set; }

    public IReadOnlyList<StoryEntry> Stories { get; private set; } = [];

    public IReadOnlyList<ReceivedCelebration> Celebrations { get; private set; } = [];

    public IReadOnlyList<(string Name, string? Emoji, BadgeColour Colour, int Count)> BadgeTally { get; private set; } = [];

    public IReadOnlyList<FixEntry> FixesDone { get; private set; } = [];

    /// <summary>What the listed stories spent, per currency as entered (never converted), the most used first.</summary>
    public IReadOnlyList<string> Spend => Stories.Where(s => s.SpendAmount is not null)
        .GroupBy(s => s.SpendCurrency!, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => Domain.Permission.Money.Format(g.Sum(s => s.SpendAmount!.Value), g.Key))
        .ToList();

    public sealed record StoryEntry(
        int Id,
        string Title,
        DateOnly? OccurredOn,
        DateTimeOffset? PublishedAt,
        string? Situation,
        string? Outcome,
        IReadOnlyList<string> OtherHeroes,
        IReadOnlyList<string> Values,
        QuoteEntry? Quote,
        int QuoteCount,
        decimal? SpendAmount,
        string? SpendCurrency);

    /// <summary>A fix marked done in the period that credits this person.</summary>
    public sealed record FixEntry(int Id, string Title, string TeamName, string? WhatChanged, DateTimeOffset DoneAt);

    public sealed record QuoteEntry(string Text, CustomerNaming Naming, string? CustomerName, DateOnly ReceivedOn)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var person = await db.PersonHeaderAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        GeneratedAt = time.GetUtcNow();
        var today = DateOnly.FromDateTime(GeneratedAt.UtcDateTime);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        To ??= today;
        // The last twelve months unless told otherwise (guarded: a hand-typed year 1 must not overflow).
        From ??= To.Value > Earliest.AddYears(1) ? To.Value.AddMonths(-12).AddDays(1) : Earliest;
        CheckPeriod(From.Value, To.Value);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await LoadAsync(id, From.Value, To.Value, cancellationToken);
        return Page();
    }

    /// <summary>Shortens a long passage at a word for the summary; the story page has the whole text.</summary>
    public static string? Shorten(string? text, int max = SummaryLength)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max).TrimEnd(), "…");
    }

    private void CheckPeriod(DateOnly from, DateOnly to)
    {
        if (from < Earliest)
        {
            ModelState.AddModelError(nameof(From), "Start the period in 2000 or later.");
        }

        if (to < Earliest)
        {
            ModelState.AddModelError(nameof(To), "End the period in 2000 or later.");
        }
        else if (from > to)
        {
            ModelState.AddModelError(nameof(From), "The start date must be on or before the end date.");
        }
    }

    private async Task LoadAsync(string id, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var credited = db.PublishedCrediting(id);
        Stories = await credited
            .Where(s => s.OccurredOn >= from && s.OccurredOn <= to)
            .OrderByDescending(s => s.OccurredOn).ThenByDescending(s => s.Id)
            .Select(s => new StoryEntry(
                s.Id,
                s.Title,
                s.OccurredOn,
                s.PublishedAt,
                s.Situation,
                s.Outcome,
                s.Heroes.Where(h => h.PersonId != id).OrderBy(h => h.Person.DisplayName).Select(h => h.Person.DisplayName).ToList(),
                s.Values.OrderBy(v => v.Value.Name).Select(v => v.Value.Name).ToList(),
                s.Quotes.Where(q => !q.IsTextRedacted).OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id)
                    .Select(q => new QuoteEntry(q.Text, q.Naming, q.CustomerName, q.ReceivedOn))
                    .FirstOrDefault(),
                s.Quotes.Count,
                s.Spend == null ? null : s.Spend.Amount,
                s.Spend == null ? null : s.Spend.Currency))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = to < DateOnly.MaxValue
            ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : DateTimeOffset.MaxValue;
        Celebrations = await credited.CelebrationsOn(db, start, end).ToListAsync(cancellationToken);
        FixesDone = await db.Fixes.AsNoTracking().DoneBetween(start, end)
            .Where(f => f.Credits.Any(c => c.PersonId == id))
            .OrderByDescending(f => f.DoneAt).ThenByDescending(f => f.Id)
            .Select(f => new FixEntry(f.Id, f.Title, f.Team.Name, f.WhatChanged, f.DoneAt!.Value))
            .ToListAsync(cancellationToken);
        BadgeTally = Celebrations
            .GroupBy(c => (c.BadgeName, c.BadgeEmoji, c.BadgeColour))
            .Select(g => (g.Key.BadgeName, g.Key.BadgeEmoji, g.Key.BadgeColour, g.Count()))
            .OrderByDescending(t => t.Item4).ThenBy(t => t.BadgeName, StringComparer.CurrentCulture)
            .ToList();
        HasRecord = true;
    }
}
