using CareStories.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Search;

/// <summary>Stories with chosen words in chosen places, and reading search results the way a person sees them.</summary>
internal static class SearchArrange
{
    private static int _word;

    /// <summary>A made-up word no other test uses, so each test finds only its own stories.</summary>
    public static string Word(string stem = "zorblat") => stem + Letters(Interlocked.Increment(ref _word));

    public static StoryContent Content(string title, string? situation = null, string? prevention = null) => new(
        title,
        DateOnly.FromDateTime(CareStoriesFactory.Start.UtcDateTime.AddDays(-2)),
        situation ?? "The customer's van broke down on the way to a wedding they were catering.",
        "We sent the nearest driver with a spare van and moved the food across.",
        prevention ?? "Vans now get a pre-season check.",
        "The food arrived on time and the wedding went ahead.",
        null,
        null,
        null);

    public static async Task WithStoryAsync(this CareStoriesFactory factory, int storyId, Action<Story, CareStoriesDbContext> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var story = await db.Stories.Include(s => s.Quotes).Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.Values)
            .SingleAsync(s => s.Id == storyId);
        change(story, db);
        await db.SaveChangesAsync();
    }

    /// <summary>The ids of the stories a search page lists, in its order.</summary>
    public static async Task<List<int>> FoundAsync(this HttpClient client, string query)
    {
        var page = await client.GetDocumentAsync("/Search?" + query);
        return Ids(page);
    }

    public static List<int> Ids(IDocument page) =>
    [
        .. page.QuerySelectorAll(".search-results article h3 a")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static string Q(string words) => "q=" + Uri.EscapeDataString(words);

    private static string Letters(int n)
    {
        var text = "";
        do
        {
            text = (char)('a' + (n % 26)) + text;
            n /= 26;
        }
        while (n > 0);
        return text;
    }
}
