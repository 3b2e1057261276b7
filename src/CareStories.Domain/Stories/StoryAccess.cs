using System.Linq.Expressions;
using CareStories.Domain.People;

namespace CareStories.Domain.Stories;

/// <summary>The few facts about a story that decide who may see or change it.</summary>
/// <param name="ReviewTeamIds">
/// The teams whose managers review it (<see cref="StoryAccess.ReviewTeamIds"/>); null when they were not read, as for
/// a story everyone reads that is only being read (<see cref="StoryAccess.IsReadByEveryone"/>).
/// </param>
public sealed record StoryAccessFacts(
    int StoryId,
    string AuthorId,
    StoryStatus Status,
    IReadOnlyCollection<string> HeroIds,
    IReadOnlyCollection<int>? ReviewTeamIds);

/// <summary>Who is looking: their id, whether they administer the app, and the teams they manage.</summary>
public sealed record StoryViewer(string PersonId, bool IsAdmin, IReadOnlyCollection<int> ManagedTeamIds);

/// <summary>
/// Who may see and change a story. Drafts are the author's alone; a story under review is seen by its author,
/// its heroes and the managers of its teams or its author's teams; a published story by everyone signed in.
/// </summary>
public static class StoryAccess
{
    public static bool CanRead(StoryAccessFacts story, StoryViewer viewer) => IsReadByEveryone(story.Status) || story.Status switch
    {
        StoryStatus.Draft => IsAuthor(story, viewer),
        StoryStatus.Withdrawn => IsAuthor(story, viewer) || IsHero(story, viewer) || viewer.IsAdmin,
        _ => IsAuthor(story, viewer) || IsHero(story, viewer) || viewer.IsAdmin || ManagesStory(story, viewer),
    };

    /// <summary>A published story is read by everyone signed in: saying so needs neither the viewer nor the review teams.</summary>
    public static bool IsReadByEveryone(StoryStatus status) => status == StoryStatus.Published;

    /// <summary>Writing the story, its quotes, submitting, withdrawing and deleting are the author's.</summary>
    public static bool CanChange(StoryAccessFacts story, StoryViewer viewer) => IsAuthor(story, viewer);

    /// <summary>
    /// Publishing or sending back: an Admin, or a manager of the story's teams or its author's teams; never
    /// someone who wrote the story or is credited in it.
    /// </summary>
    public static bool CanReview(StoryAccessFacts story, StoryViewer viewer) =>
        (viewer.IsAdmin || ManagesStory(story, viewer)) && !IsAuthor(story, viewer) && !IsHero(story, viewer);

    public static bool ManagesStory(StoryAccessFacts story, StoryViewer viewer) =>
        (story.ReviewTeamIds ?? throw new InvalidOperationException("The story's review teams were not read: read the access facts for more than reading."))
            .Any(viewer.ManagedTeamIds.Contains);

    /// <summary>
    /// The one definition of who reviews a story: the managers of the teams it is tagged with and of the teams its
    /// author belongs to. <see cref="ReviewTeamIds"/> reads those teams into <see cref="StoryAccessFacts"/> for the
    /// checks in memory; <see cref="ReviewedByManagersOf(IQueryable{int})"/> puts the same rule into SQL for the queue,
    /// the notifications and the pickers.
    /// </summary>
    private static readonly Expression<Func<Story, IEnumerable<int>>>[] ReviewTeamSources =
    [
        s => s.Teams.Select(t => t.TeamId),
        s => s.Author.Memberships.Select(m => m.TeamId),
    ];

    /// <summary>The teams whose managers review these stories (for one story: its review teams).</summary>
    public static IQueryable<int> ReviewTeamIds(this IQueryable<Story> stories) =>
        stories.SelectMany(ReviewTeamSources[0]).Concat(stories.SelectMany(ReviewTeamSources[1])).Distinct();

    /// <summary>
    /// The same rule over a story in memory (one not saved yet, or with unsaved teams): the very expressions the
    /// queries use, run by LINQ to objects. The story's author and their memberships must be loaded.
    /// </summary>
    public static IReadOnlyList<int> ReviewTeamIdsOf(Story story) => new[] { story }.AsQueryable().ReviewTeamIds().ToList();

    /// <summary>Stories that a manager of any of <paramref name="teamIds"/> reviews.</summary>
    public static Expression<Func<Story, bool>> ReviewedByManagersOf(IReadOnlyCollection<int> teamIds) =>
        ReviewTeamIn(id => teamIds.Contains(id));

    /// <summary>The same, with the teams as a subquery (the teams a person manages), so it stays one command.</summary>
    public static Expression<Func<Story, bool>> ReviewedByManagersOf(IQueryable<int> teamIds) =>
        ReviewTeamIn(id => teamIds.Contains(id));

    /// <summary>
    /// The same rule as <see cref="ReviewedByManagersOf(IQueryable{int})"/>, written for walking many stories (the review
    /// queue): the stories tagged with those teams and the people in them are each read once, and every story is then
    /// tested against those two lists, where the other form looks up each story's own teams and its author's teams,
    /// story by story. Same review teams as <see cref="ReviewTeamSources"/>: the story's links, and its author's
    /// memberships.
    /// </summary>
    public static Expression<Func<Story, bool>> ReviewedByManagersOf(
        IQueryable<int> teamIds, IQueryable<StoryTeam> links, IQueryable<TeamMembership> memberships)
    {
        var tagged = links.Where(l => teamIds.Contains(l.TeamId)).Select(l => l.StoryId);
        var members = memberships.Where(m => teamIds.Contains(m.TeamId)).Select(m => m.PersonId);
        return s => tagged.Contains(s.Id) || members.Contains(s.AuthorId);
    }

    /// <summary>s => any of its review teams satisfies <paramref name="isManagedTeam"/>, over one parameter.</summary>
    private static Expression<Func<Story, bool>> ReviewTeamIn(Expression<Func<int, bool>> isManagedTeam)
    {
        var story = ReviewTeamSources[0].Parameters[0];
        var anyOf = ReviewTeamSources
            .Select(source => (Expression)Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Any), [typeof(int)],
                new ReplaceParameter(source.Parameters[0], story).Visit(source.Body), isManagedTeam))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Story, bool>>(anyOf, story);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static bool IsAuthor(StoryAccessFacts story, StoryViewer viewer) => story.AuthorId == viewer.PersonId;

    private static bool IsHero(StoryAccessFacts story, StoryViewer viewer) => story.HeroIds.Contains(viewer.PersonId);
}
