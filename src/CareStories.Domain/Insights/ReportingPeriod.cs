namespace CareStories.Domain.Insights;

/// <summary>The ready-made periods a leader picks from, or their own dates.</summary>
public enum PeriodChoice
{
    Last30Days = 0,
    LastQuarter = 1,
    Last12Months = 2,
    Chosen = 3,
}

public static class PeriodChoiceText
{
    public static string Label(this PeriodChoice choice) => choice switch
    {
        PeriodChoice.Last30Days => "Last 30 days",
        PeriodChoice.LastQuarter => "Last quarter (3 months)",
        PeriodChoice.Last12Months => "Last 12 months",
        PeriodChoice.Chosen => "Chosen dates",
        _ => choice.ToString(),
    };

    /// <summary>The word in the address (<c>?period=12-months</c>), so a link says what it shows.</summary>
    public static string Slug(this PeriodChoice choice) => choice switch
    {
        PeriodChoice.Last30Days => "30-days",
        PeriodChoice.LastQuarter => "quarter",
        PeriodChoice.Last12Months => "12-months",
        _ => "dates",
    };

    public static PeriodChoice? FromSlug(string? slug) =>
        Enum.GetValues<PeriodChoice>().Cast<PeriodChoice?>().FirstOrDefault(c => c!.Value.Slug() == slug);
}

/// <summary>
/// Whole calendar days, first and last included, in the company's reporting time zone. Every figure counts what
/// happened from midnight at the start of <see cref="From"/> to midnight at the end of <see cref="To"/> there, as
/// instants (<see cref="Start"/> inclusive, <see cref="End"/> exclusive); trends split it at each calendar month's
/// first midnight in the same zone. A story published at 23:30 on 31 March in New York is a March story when the
/// company reports in New York time and an April one (03:30 UTC) when it reports in UTC.
/// </summary>
public sealed record ReportingPeriod
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Longer periods make trends unreadable and queries slow; five years is plenty for a review.</summary>
    public const int MaxDays = 5 * 366;

    private ReportingPeriod(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        From = from;
        To = to;
        Zone = zone;
        Start = StartOfDay(from, zone);
        End = StartOfDay(to.AddDays(1), zone);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The ready-made period ending today (in the zone), today included.</summary>
    public static ReportingPeriod Ending(PeriodChoice choice, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var from = choice switch
        {
            PeriodChoice.Last30Days => today.AddDays(-29),
            PeriodChoice.LastQuarter => today.AddMonths(-3).AddDays(1),
            _ => today.AddMonths(-12).AddDays(1),
        };
        return new ReportingPeriod(from, today, zone);
    }

    /// <summary>Chosen dates, or the reasons they cannot be used (field name and words a person can read).</summary>
    public static ReportingPeriod Between(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new List<DomainError>();
        if (from < Earliest)
        {
            errors.Add(new("From", "Start the period in 2000 or later."));
        }

        if (to < Earliest || to > DateOnly.MaxValue.AddDays(-2))
        {
            errors.Add(new("To", "End the period in 2000 or later, on a real date."));
        }
        else if (from > to)
        {
            errors.Add(new("From", "The start date must be on or before the end date."));
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            errors.Add(new("From", "Choose a period of five years or less."));
        }

        return errors.Count > 0 ? throw new DomainException(errors) : new ReportingPeriod(from, to, zone);
    }

    /// <summary>The first instant of every calendar month the period touches, then <see cref="End"/>: month i is [b[i], b[i+1]).</summary>
    public IReadOnlyList<DateTimeOffset> MonthBoundaries()
    {
        var boundaries = new List<DateTimeOffset> { Start };
        var month = new DateOnly(From.Year, From.Month, 1).AddMonths(1);
        while (month <= To)
        {
            boundaries.Add(StartOfDay(month, Zone));
            month = month.AddMonths(1);
        }

        boundaries.Add(End);
        return boundaries;
    }

    /// <summary>The months' first days, in the same order as <see cref="MonthBoundaries"/> (the first may be partial).</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>Midnight of that day in the zone; a midnight skipped by a clock change is the first instant after it.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
