using System.Linq.Expressions;

namespace CareStories.Domain.Permission;

/// <summary>The reads "Rules we bent" and the rule pages share.</summary>
public static class RuleQueries
{
    /// <summary>Stories others can see: waiting for review, sent back or published. Drafts and withdrawn ones do not count.</summary>
    public static readonly Expression<Func<StoryLatitude, bool>> Shared = l =>
        l.Story.Status == StoryStatus.Submitted || l.Story.Status == StoryStatus.ChangesRequested || l.Story.Status == StoryStatus.Published;

    /// <summary>When a shared story last bent the rule (when it was last submitted): the list's order.</summary>
    public static readonly Expression<Func<BentRule, DateTimeOffset?>> LastBentAt = r =>
        r.Stories.Where(l => l.Story.Status == StoryStatus.Submitted || l.Story.Status == StoryStatus.ChangesRequested || l.Story.Status == StoryStatus.Published)
            .Max(l => l.Story.SubmittedAt);
}
