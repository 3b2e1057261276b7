using System.Globalization;
using System.Linq.Expressions;

namespace CareStories.Domain.Search;

/// <summary>
/// Full-text search over the stories a person may read. This is the one seam between the pages and the database's
/// own index: SQLite's FTS5 today (<see cref="SqliteStorySearch"/>); PostgreSQL's tsvector is a second implementation
/// of the same interface, returning the same marked text.
/// </summary>
public interface IStorySearch
{
    Task<SearchPage> SearchAsync(SearchRequest request, StoryViewer viewer, CancellationToken cancellationToken);
}

/// <summary>One search: the words, the feed's filters, where the page starts, and how many to show.</summary>
public sealed record SearchRequest(SearchTerms Terms, FeedFilter Filter, SearchKey? After, int Size, DateTimeOffset Now, bool AnyWord = false);

/// <summary>A page of matches, best first, and the key of the next page (null on the last).</summary>
public sealed record SearchPage(IReadOnlyList<SearchMatch> Matches, SearchKey? Next)
{
    public static readonly SearchPage Empty = new([], null);
}

/// <summary>
/// One story found. Every text is "marked": the matching words sit between <see cref="SearchMarks.Start"/> and
/// <see cref="SearchMarks.End"/>, and nothing else is changed, so the page encodes the text first and then turns the
/// marks into highlighting.
/// </summary>
public sealed record SearchMatch(
    int StoryId,
    StoryStatus Status,
    DateTimeOffset? PublishedAt,
    string Title,
    IReadOnlyList<SearchField> Fields,
    IReadOnlyList<SearchQuote> Quotes,
    IReadOnlyList<string> Heroes,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Values);

/// <summary>Which of the four story fields a marked text is.</summary>
public enum SearchFieldKind
{
    Situation = 0,
    ImmediateAction = 1,
    Prevention = 2,
    Outcome = 3,
}

public sealed record SearchField(SearchFieldKind Kind, string Text);

/// <summary>A customer's words and, where the quote shows it, their name (otherwise empty), both marked.</summary>
public sealed record SearchQuote(string Text, string Attribution);

/// <summary>The two characters around a matching word in marked text (control characters nobody types).</summary>
public static class SearchMarks
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    public static bool HasMark(string text) => text.Contains(Start, StringComparison.Ordinal);
}

/// <summary>
/// Where a page of results starts: after the result with this rank and id. Results sort by rank, best (lowest) first,
/// then newest id; the key is read from the URL, and anything malformed is the first page, never an error.
/// </summary>
public sealed record SearchKey(double Rank, int Id)
{
    public override string ToString() =>
        Rank.ToString("R", CultureInfo.InvariantCulture) + "_" + Id.ToString(CultureInfo.InvariantCulture);

    public static SearchKey? Read(string? text)
    {
        var parts = (text ?? "").Split('_');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank) && double.IsFinite(rank)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new SearchKey(rank, id)
            : null;
    }
}

/// <summary>Which stories search may ever show a person.</summary>
public static class SearchVisibility
{
    /// <summary>
    /// Published stories, and stories waiting for review or sent back that this person may open (their author, a
    /// hero, an Admin, a manager who reviews them: the same rule as <see cref="StoryAccess.CanRead"/>). Never a draft
    /// or a withdrawn story, not even the person's own: search is for finding shared stories.
    /// </summary>
    public static IQueryable<Story> SearchableBy(this IQueryable<Story> stories, StoryViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsAdmin)
        {
            return stories.Where(s => s.Status == StoryStatus.Published
                || s.Status == StoryStatus.Submitted || s.Status == StoryStatus.ChangesRequested);
        }

        var me = viewer.PersonId;
        Expression<Func<Story, bool>> mine = s => s.Status == StoryStatus.Published
            || ((s.Status == StoryStatus.Submitted || s.Status == StoryStatus.ChangesRequested)
                && (s.AuthorId == me || s.Heroes.Any(h => h.PersonId == me)));
        if (viewer.ManagedTeamIds.Count == 0)
        {
            return stories.Where(mine);
        }

        Expression<Func<Story, bool>> inReview = s => s.Status == StoryStatus.Submitted || s.Status == StoryStatus.ChangesRequested;
        var reviewed = StoryAccess.ReviewedByManagersOf(viewer.ManagedTeamIds);
        var story = mine.Parameters[0];
        var body = Expression.OrElse(
            mine.Body,
            Expression.AndAlso(Rebind(inReview, story), Rebind(reviewed, story)));
        return stories.Where(Expression.Lambda<Func<Story, bool>>(body, story));
    }

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression to) =>
        new Replace(lambda.Parameters[0], to).Visit(lambda.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
