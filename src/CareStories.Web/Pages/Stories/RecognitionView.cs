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
    /// Reads the recognition around one published story in a fixed handful of queries, however many celebrations,
    /// applause and comments it has. Hidden comments' text and the moderation record are read only for Admins.
    /// </summary>
    public static async Task<RecognitionView> ReadAsync(
        CareStoriesDbContext db, StoryAccessFacts story, RecognitionRights.Roles roles, string me, string shareUrl, CancellationToken cancellationToken)
    {
        var id = story.StoryId;
        var summary = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                FeaturedAt = db.FeaturedStories.Where(f => f.StoryId == s.Id).Select(f => (DateTimeOffset?)f.FeaturedAt).FirstOrDefault(),
                FeaturedCount = db.FeaturedStories.Count(),
                Applause = db.Applause.Count(a => a.StoryId == s.Id),
                Applauded = db.Applause.Any(a => a.StoryId == s.Id && a.PersonId == me),
                Celebrated = db.Celebrations.Any(c => c.StoryId == s.Id && c.CelebratorId == me),
            })
            .SingleAsync(cancellationToken);
        var rights = RecognitionRights.For(story, me, roles, summary.Celebrated);

        var applauders = await db.Applause.AsNoTracking()
            .Where(a => a.StoryId == id && a.PersonId != me)
            .OrderByDescending(a => a.At)
            .Select(a => db.Users.Where(u => u.Id == a.PersonId).Select(u => u.DisplayName).First())
            .Take(3)
            .ToListAsync(cancellationToken);

        var celebrations = await db.Celebrations.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new CelebrationView(
                c.Id, new BadgeChipView(c.Badge.Name, c.Badge.Emoji, c.Badge.Colour), c.Message, c.Celebrator.DisplayName, c.At))
            .ToListAsync(cancellationToken);

        var isAdmin = roles.IsAdmin;
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(
                c.Id,
                c.AuthorId,
                c.Author.DisplayName,
                c.HiddenAt == null || isAdmin ? c.Text : null,
                c.CreatedAt,
                c.EditedAt,
                c.HiddenAt,
                isAdmin ? db.Users.Where(u => u.Id == c.HiddenById).Select(u => u.DisplayName).FirstOrDefault() : null,
                isAdmin ? c.HiddenReason : null))
            .ToListAsync(cancellationToken);

        var badges = rights.CanCelebrate ? await BadgeChoice.ReadAsync(db, cancellationToken) : [];
        return new RecognitionView(
            id,
            summary.FeaturedAt,
            summary.FeaturedCount,
            celebrations,
            new ApplauseView(summary.Applause, summary.Applauded, applauders, story.AuthorId == me || story.HeroIds.Contains(me)),
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
