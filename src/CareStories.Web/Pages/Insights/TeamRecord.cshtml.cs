using CareStories.Domain.Insights;

namespace CareStories.Web.Pages.Insights;

/// <summary>
/// A manager's team record for a period, for evaluations: for each person in their teams, the stories that credit
/// them published in the period, the celebrations they were given in it (badges and messages) and the customer
/// quotes on those stories; as a printable page and as CSV (the same rows). Leaders and admins choose a team.
/// </summary>
public sealed class TeamRecordModel(CareStoriesDbContext db, TimeProvider time, IConfiguration configuration, IServiceScopeFactory scopes)
    : InsightsPageModel(db, time, configuration)
{
    public IReadOnlyList<TeamRecordRow> People { get; private set; } = [];

    public DateTimeOffset GeneratedAt { get; private set; }

    /// <summary>A leader or admin must choose a team: a record of the whole company is not an evaluation.</summary>
    public bool NeedsTeam => SeesWholeCompany && Team is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["NavSection"] = "/Insights";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        GeneratedAt = Now;
        if (Period is not null && !Scope.IsEmpty && !NeedsTeam)
        {
            // Its celebrations and fixes are read on a second pooled context beside the credits and spend.
            await using var second = scopes.CreateAsyncScope();
            People = await TeamRecordQuery.ReadAsync(Db, Scope, Period, cancellationToken, second.ServiceProvider.GetRequiredService<CareStoriesDbContext>());
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Period is null || NeedsTeam)
        {
            return BadRequest();
        }

        await using var second = scopes.CreateAsyncScope();
        var people = await TeamRecordQuery.ReadAsync(Db, Scope, Period, cancellationToken, second.ServiceProvider.GetRequiredService<CareStoriesDbContext>());
        var name = $"team-record-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv";
        return File(TeamRecordQuery.Csv(people), InsightsCsv.ContentType, name);
    }
}
