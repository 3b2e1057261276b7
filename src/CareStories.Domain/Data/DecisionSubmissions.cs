using CareStories.Domain.Stories;

namespace CareStories.Domain.Data;

/// <summary>
/// Fills <see cref="StoryStatusChange.SubmittedAt"/> for the history written before the column: each change that
/// took a story out of review gets the latest submission of its story at or before it, the rule Insights' review
/// waits looked up per decision until then. The same SQL on both databases (a correlated MAX over the story's
/// (StoryId, To, At) index).
/// </summary>
internal static class DecisionSubmissions
{
    private const int Submitted = (int)StoryStatus.Submitted;
    private const int SentBack = (int)StoryStatus.ChangesRequested;
    private const int Published = (int)StoryStatus.Published;

    public static readonly string Fill = $"""
        UPDATE "StoryStatusChanges" SET "SubmittedAt" = (
            SELECT MAX(s."At") FROM "StoryStatusChanges" AS s
            WHERE s."StoryId" = "StoryStatusChanges"."StoryId" AND s."To" = {Submitted}
              AND s."At" <= "StoryStatusChanges"."At")
        WHERE "From" = {Submitted} AND "To" IN ({SentBack}, {Published});
        """;
}
