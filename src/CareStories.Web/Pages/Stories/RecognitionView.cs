using CareStories.Domain.Catalogue;
using CareStories.Web.Pages.Shared;

namespace CareStories.Web.Pages.Stories;

/// <summary>Everything around a published story: featuring, celebrations, applause and comments.</summary>
public sealed record RecognitionView(
    int StoryId,
    DateTimeOffset? FeaturedAt,
    int FeaturedCount,
    IReadOnlyList<RecognitionView.CelebrationView> Celebrations,
    RecognitionView.ApplauseView Applause,
    IReadOnlyList<RecognitionView.CommentView> Comments,
    IReadOnlyList<BadgeChoice> Badges,
    string ShareUrl,
    RecognitionRights Rights)
{
    public bool IsFeatured => FeaturedAt is not null;

    /// <summary>
    /// One reader's view of the recognition every reader shares: nothing is read here, my applause and my
    /// celebration are found in the shared lists. Hidden comments' text and the moderation record are only for Admins.
    /// </summary>
    public static RecognitionView For(
        SharedRecognition shared, StoryAccessFacts story, RecognitionRights rights, string shareUrl, IReadOnlyList<BadgeChoice> badges)
    {
        var me = rights.PersonId;
        var comments = rights.IsAdmin
            ? shared.Comments
            : shared.Comments.Select(c => c.IsHidden ? c with { Text = null, HiddenByName = null, HiddenReason = null } : c).ToList();
        var names = shared.Applause.Where(a => a.PersonId != me).Take(3).Select(a => a.Name).ToList();
        return new RecognitionView(
            story.StoryId,
            shared.FeaturedAt,
            shared.FeaturedCount,
            shared.Celebrations.Select(c => c.View).ToList(),
            new ApplauseView(shared.Applause.Count, shared.ApplauderIds.Contains(me), names, story.AuthorId == me || story.HeroIds.Contains(me)),
            comments,
            badges,
            shareUrl,
            rights);
    }

    public sealed record CelebrationView(int Id, BadgeChipView Badge, string Message, string CelebratorName, DateTimeOffset At);

    /// <param name="Names">A few of the others who applauded, newest first; never the reader.</param>
    /// <param name="OwnStory">The reader wrote the story or is credited in it, so may not applaud it.</param>
    public sealed record ApplauseView(int Count, bool Mine, IReadOnlyList<string> Names, bool OwnStory = false)
    {
        /// <summary>"You, Ana and 12 others applauded."</summary>
        public string Summary
        {
            get
            {
                if (Count == 0)
                {
                    return "No applause yet.";
                }

                var shown = (Mine ? Names.Take(2).Prepend("You") : Names.Take(3)).ToList();
                var others = Count - shown.Count;
                if (others > 0)
                {
                    shown.Add(others == 1 ? "1 other" : $"{others:N0} others");
                }

                var who = shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[^1];
                return who + " applauded.";
            }
        }
    }

    /// <param name="Text">Null when the comment is hidden and the reader is not an Admin.</param>
    /// <param name="HiddenByName">Who hid it and why are for Admins only.</param>
    public sealed record CommentView(
        int Id,
        string AuthorId,
        string AuthorName,
        string? Text,
        DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt,
        DateTimeOffset? HiddenAt,
        string? HiddenByName,
        string? HiddenReason)
    {
        public bool IsHidden => HiddenAt is not null;
    }
}

/// <summary>A badge a manager or leader may give: the ones not retired, by name.</summary>
public sealed record BadgeChoice(int Id, string Name, string? Emoji, BadgeColour Colour, string Description)
{
    public BadgeChipView Chip => new(Name, Emoji, Colour);

    public static async Task<IReadOnlyList<BadgeChoice>> ReadAsync(CareStoriesDbContext db, CancellationToken cancellationToken) =>
        await db.Badges.AsNoTracking()
            .Where(b => !b.IsRetired)
            .OrderBy(b => b.Name)
            .Select(b => new BadgeChoice(b.Id, b.Name, b.Emoji, b.Colour, b.Description))
            .ToListAsync(cancellationToken);
}

/// <summary>What the signed-in person may do with a published story's recognition.</summary>
/// <param name="CelebrationNote">Why a manager or leader sees no celebrate form, when they do not.</param>
public sealed record RecognitionRights(string PersonId, bool CanCelebrate, string? CelebrationNote, bool CanFeature, bool IsAdmin)
{
    public const string AlreadyCelebrated = "You have celebrated this story.";

    /// <summary>The policies the person passes, read once through the authorization service.</summary>
    public sealed record Roles(bool MayCelebrate, bool MayFeature, bool IsAdmin);

    public static RecognitionRights For(StoryAccessFacts story, string me, Roles roles, bool celebrated)
    {
        var involved = story.AuthorId == me || story.HeroIds.Contains(me);
        return new RecognitionRights(
            me,
            roles.MayCelebrate && !involved && !celebrated,
            !roles.MayCelebrate ? null
                : celebrated ? AlreadyCelebrated
                : involved ? "You cannot celebrate a story you wrote or are credited in."
                : null,
            roles.MayFeature,
            roles.IsAdmin);
    }
}

/// <summary>The new-comment form with what was typed, as the story page and the new-comment page show it.</summary>
public sealed record CommentForm(int StoryId, string? Text, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
    : Infrastructure.FormState(ModelState);
