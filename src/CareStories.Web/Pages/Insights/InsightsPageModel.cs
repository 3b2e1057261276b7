using System.Globalization;
using CareStories.Domain.Insights;

namespace CareStories.Web.Pages.Insights;

/// <summary>
/// What every Insights page shares: the period, team and kind of team from the address, checked against what the
/// signed-in person may see. Leaders and Admins see the whole company; a Manager only the teams they manage, and a
/// team of anyone else's in the address is refused (403), so nothing leaks by typing a number.
/// </summary>
public abstract class InsightsPageModel(CareStoriesDbContext db, TimeProvider time, IConfiguration configuration) : PageModel
{
    public const string CustomerFacingSlug = "customer-facing";
    public const string BehindTheScenesSlug = "behind-the-scenes";

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodSlug { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Team { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindSlug { get; set; }

    public PeriodChoice Choice { get; private set; } = PeriodChoice.Last12Months;

    public TeamKind? Kind { get; private set; }

    /// <summary>The teams this person may look at, for the team filter.</summary>
    public IReadOnlyList<ScopeTeam> VisibleTeams { get; private set; } = [];

    public bool SeesWholeCompany { get; private set; }

    public InsightsScope Scope { get; private set; } = new([], false);

    /// <summary>Null when the chosen dates could not be used; the form says why.</summary>
    public ReportingPeriod? Period { get; private set; }

    protected DateTimeOffset Now { get; private set; }

    protected CareStoriesDbContext Db => db;

    public string? TeamName => VisibleTeams.FirstOrDefault(t => t.Id == Team)?.Name;

    /// <summary>Reads the filters; a forbidden team answers 403, an unknown one 404; bad dates become field errors.</summary>
    protected async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        SeesWholeCompany = User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin);
        var me = User.PersonId();
        var teams = db.Teams.AsNoTracking();
        if (!SeesWholeCompany)
        {
            teams = teams.Where(t => t.Memberships.Any(m => m.PersonId == me && m.IsManager));
        }

        VisibleTeams = await teams.OrderBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync(cancellationToken);
        if (Team is { } teamId && VisibleTeams.All(t => t.Id != teamId))
        {
            return await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken) ? Forbid() : NotFound();
        }

        Kind = KindSlug switch
        {
            CustomerFacingSlug => TeamKind.CustomerFacing,
            BehindTheScenesSlug => TeamKind.BehindTheScenes,
            _ => null,
        };
        KindSlug = Kind is null ? null : KindSlug;
        Scope = InsightsScope.For(VisibleTeams, SeesWholeCompany, Team, Kind);

        var zone = Zone(configuration);
        Choice = PeriodChoiceText.FromSlug(PeriodSlug) ?? (From is not null || To is not null ? PeriodChoice.Chosen : PeriodChoice.Last12Months);
        if (Choice != PeriodChoice.Chosen)
        {
            Period = ReportingPeriod.Ending(Choice, Now, zone);
            From = Period.From;
            To = Period.To;
        }
        else if (ModelState.IsValid)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
            try
            {
                Period = ReportingPeriod.Between(From ?? today.AddMonths(-12).AddDays(1), To ?? today, zone);
                From = Period.From;
                To = Period.To;
            }
            catch (DomainException refusal)
            {
                foreach (var error in refusal.Errors)
                {
                    ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
                }
            }
        }

        PeriodSlug = Choice.Slug();
        return null;
    }

    /// <summary>The company's reporting time zone (<c>Insights:TimeZone</c>, an IANA or Windows id); UTC when unset.</summary>
    public static TimeZoneInfo Zone(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Insights:TimeZone"] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
    }

    /// <summary>The filters as route values, so every link and the CSV keep what the person chose.</summary>
    public Dictionary<string, string> Filters()
    {
        var values = new Dictionary<string, string> { ["period"] = Choice.Slug() };
        if (Choice == PeriodChoice.Chosen && Period is not null)
        {
            values["from"] = Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values["to"] = Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Team is { } team)
        {
            values["team"] = team.ToString(CultureInfo.InvariantCulture);
        }

        if (KindSlug is { } kind)
        {
            values["kind"] = kind;
        }

        return values;
    }

    /// <summary>"Customer Support, 1 Mar 2026 to 30 Mar 2026" — what the figures are about, in words.</summary>
    public string Describe()
    {
        var who = TeamName ?? Kind switch
        {
            TeamKind.CustomerFacing => "Customer-facing teams",
            TeamKind.BehindTheScenes => "Behind-the-scenes teams",
            _ => SeesWholeCompany ? "The whole company" : "Your teams",
        };
        return Period is null ? who : $"{who}, {Dates(Period.From)} to {Dates(Period.To)}";
    }

    public static string Dates(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : ((double)part / whole).ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>"26 hours", "3 days" — a wait in words a manager reads at a glance.</summary>
    public static string Hours(int? hours) => hours switch
    {
        null => "–",
        < 1 => "under an hour",
        1 => "1 hour",
        < 48 => $"{hours} hours",
        _ => $"{hours / 24} days",
    };
}
