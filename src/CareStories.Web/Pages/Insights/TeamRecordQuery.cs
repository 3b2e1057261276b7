using System.Globalization;
using CareStories.Domain.Insights;

namespace CareStories.Web.Pages.Insights;

/// <summary>One celebration a person was given: the badge, the message and who gave it, on which story.</summary>
public sealed record RecordCelebration(string PersonId, string Badge, string Message, string By, string StoryTitle, DateTimeOffset At);

/// <summary>One person's line in the team record.</summary>
public sealed record TeamRecordRow(string Id, string Name, string Teams, int Stories, int Quotes, IReadOnlyList<RecordCelebration> Celebrations)
{
    public IEnumerable<(string Badge, int Count)> Badges =>
        Celebrations.GroupBy(c => c.Badge).Select(g => (g.Key, g.Count())).OrderByDescending(b => b.Item2).ThenBy(b => b.Key, StringComparer.CurrentCulture);
}

/// <summary>
/// The team record's figures, grouped in SQL per person; the same rules as Insights (stories published in the
/// period, celebrations given in it on published stories), so a person's record and the team's agree.
/// </summary>
public static class TeamRecordQuery
{
    public sealed record Member(string PersonId, string DisplayName, string? Team);

    public static async Task<IReadOnlyList<TeamRecordRow>> ReadAsync(
        CareStoriesDbContext db, InsightsScope scope, ReportingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var teamIds = scope.TeamIds.ToList();
        var people = await db.TeamMemberships.AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && m.Person.DeactivatedAt == null)
            .Select(m => new Member(m.PersonId, m.Person.DisplayName, m.Team.Name))
            .ToListAsync(cancellationToken);
        return await ForPeopleAsync(db, people, period, cancellationToken);
    }

    /// <summary>One line for each of these people (one row per team they are in).</summary>
    public static async Task<IReadOnlyList<TeamRecordRow>> ForPeopleAsync(
        CareStoriesDbContext db, IReadOnlyList<Member> people, ReportingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(period);
        var ids = people.Select(p => p.PersonId).Distinct().ToList();

        var published = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        var inPeriod = published.Where(s => s.PublishedAt >= period.Start && s.PublishedAt < period.End);
        var stories = await inPeriod.SelectMany(s => s.Heroes)
            .Where(h => ids.Contains(h.PersonId))
            .GroupBy(h => h.PersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var quotes = await inPeriod
            .SelectMany(s => s.Heroes, (s, h) => new { h.PersonId, Quotes = s.Quotes.Count(q => !q.IsTextRedacted) })
            .Where(x => ids.Contains(x.PersonId))
            .GroupBy(x => x.PersonId)
            .Select(g => new { g.Key, Count = g.Sum(x => x.Quotes) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var celebrations = await db.Celebrations.AsNoTracking()
            .Where(c => c.At >= period.Start && c.At < period.End)
            .Join(published, c => c.StoryId, s => s.Id, (c, s) => new { Celebration = c, s.Title, s.Heroes })
            .SelectMany(x => x.Heroes, (x, h) => new { h.PersonId, x.Celebration, x.Title })
            .Where(x => ids.Contains(x.PersonId))
            .OrderBy(x => x.Celebration.At).ThenBy(x => x.Celebration.Id)
            .Select(x => new RecordCelebration(x.PersonId, x.Celebration.Badge.Name, x.Celebration.Message, x.Celebration.Celebrator.DisplayName, x.Title, x.Celebration.At))
            .ToListAsync(cancellationToken);

        return people.GroupBy(p => (p.PersonId, p.DisplayName))
            .Select(g => new TeamRecordRow(
                g.Key.PersonId,
                g.Key.DisplayName,
                string.Join(", ", g.Select(p => p.Team).OfType<string>().Order(StringComparer.CurrentCulture)),
                stories.GetValueOrDefault(g.Key.PersonId),
                quotes.GetValueOrDefault(g.Key.PersonId),
                celebrations.Where(c => c.PersonId == g.Key.PersonId).ToList()))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static byte[] Csv(IEnumerable<TeamRecordRow> rows) => InsightsCsv.Write(csv =>
    {
        csv.WriteRecord(["Person", "Teams", "Stories credited", "Celebrations", "Badges", "Celebration messages", "Customer quotes"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Name);
            csv.WriteField(row.Teams);
            csv.WriteField(row.Stories.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Celebrations.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Join("; ", row.Badges.Select(b => b.Count == 1 ? b.Badge : $"{b.Badge} ×{b.Count}")));
            csv.WriteField(string.Join(" | ", row.Celebrations.Select(c => $"{c.By}: {c.Message}")));
            csv.WriteField(row.Quotes.ToString(CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    });
}
