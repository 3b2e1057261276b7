namespace CareStories.Web.Pages.Atom;

/// <summary>The newest published stories for the feed, in five flat commands whatever their number.</summary>
public static class AtomQueries
{
    public static async Task<IReadOnlyList<AtomStory>> PublishedAsync(CareStoriesDbContext db, int? teamId, int count, CancellationToken cancellationToken)
    {
        var published = db.Stories.AsNoTracking().PublishedFeed();
        if (teamId is { } team)
        {
            published = published.Where(s => s.Teams.Any(t => t.TeamId == team));
        }

        var rows = await published
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(count)
            .Select(s => new { s.Id, s.Title, Author = s.Author.DisplayName, s.Situation, s.ImmediateAction, s.Outcome, s.PublishedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var heroes = (await db.Set<StoryHero>().AsNoTracking().Where(h => ids.Contains(h.StoryId))
            .OrderBy(h => h.Person.DisplayName).Select(h => new { h.StoryId, h.Person.DisplayName })
            .ToListAsync(cancellationToken)).ToLookup(h => h.StoryId, h => h.DisplayName);
        var teams = (await db.Set<StoryTeam>().AsNoTracking().Where(t => ids.Contains(t.StoryId))
            .OrderBy(t => t.Team.Name).Select(t => new { t.StoryId, t.Team.Name })
            .ToListAsync(cancellationToken)).ToLookup(t => t.StoryId, t => t.Name);
        var values = (await db.Set<StoryValue>().AsNoTracking().Where(v => ids.Contains(v.StoryId))
            .OrderBy(v => v.Value.Name).Select(v => new { v.StoryId, v.Value.Name })
            .ToListAsync(cancellationToken)).ToLookup(v => v.StoryId, v => v.Name);
        // The newest quote whose words are still there; its name only as the customer agreed (QuoteText.Attribution).
        var quotes = (await db.Quotes.AsNoTracking().Where(q => ids.Contains(q.StoryId) && !q.IsTextRedacted)
            .OrderByDescending(q => q.ReceivedOn).ThenByDescending(q => q.Id)
            .Select(q => new { q.StoryId, q.Text, q.Naming, q.CustomerName })
            .ToListAsync(cancellationToken))
            .GroupBy(q => q.StoryId).ToDictionary(g => g.Key, g => g.First());

        return [.. rows.Select(r => new AtomStory(
            r.Id, r.Title, r.Author, r.Situation, r.ImmediateAction, r.Outcome, r.PublishedAt!.Value,
            [.. heroes[r.Id]], [.. teams[r.Id], .. values[r.Id]],
            quotes.TryGetValue(r.Id, out var q) ? new AtomQuote(q.Text, QuoteText.Attribution(q.Naming, q.CustomerName)) : null))];
    }
}
