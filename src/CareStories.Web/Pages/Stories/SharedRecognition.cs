namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The recognition around a published story as it is for everyone: featuring, every applause, celebrations and
/// comments (hidden ones with their text and moderation record, which only Admins are shown). Read once per change
/// stamp and shared, so immutable; <see cref="RecognitionView.For"/> turns it into one reader's view, with nothing
/// read per reader: my applause and my celebration are in these complete lists.
/// </summary>
public sealed record SharedRecognition(
    DateTimeOffset? FeaturedAt,
    int FeaturedCount,
    IReadOnlyList<SharedRecognition.Applauder> Applause,
    IReadOnlySet<string> ApplauderIds,
    IReadOnlyList<SharedRecognition.Celebration> Celebrations,
    IReadOnlyList<RecognitionView.CommentView> Comments)
{
    /// <summary>Newest first; only the first few are named on the page.</summary>
    public sealed record Applauder(string PersonId, string Name);

    public sealed record Celebration(RecognitionView.CelebrationView View, string CelebratorId);

    /// <summary>Four commands, however much recognition the story has.</summary>
    public static async Task<SharedRecognition> ReadAsync(CareStoriesDbContext db, int id, CancellationToken cancellationToken)
    {
        var featured = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                At = db.FeaturedStories.Where(f => f.StoryId == s.Id).Select(f => (DateTimeOffset?)f.FeaturedAt).FirstOrDefault(),
                Count = db.FeaturedStories.Count(),
            })
            .SingleAsync(cancellationToken);

        var applause = await db.Applause.AsNoTracking()
            .Where(a => a.StoryId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.PersonId)
            .Select(a => new Applauder(a.PersonId, db.Users.Where(u => u.Id == a.PersonId).Select(u => u.DisplayName).First()))
            .ToListAsync(cancellationToken);

        var celebrations = await db.Celebrations.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new Celebration(
                new RecognitionView.CelebrationView(
                    c.Id, new Shared.BadgeChipView(c.Badge.Name, c.Badge.Emoji, c.Badge.Colour), c.Message, c.Celebrator.DisplayName, c.At),
                c.CelebratorId))
            .ToListAsync(cancellationToken);

        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.StoryId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new RecognitionView.CommentView(
                c.Id,
                c.AuthorId,
                c.Author.DisplayName,
                c.Text,
                c.CreatedAt,
                c.EditedAt,
                c.HiddenAt,
                db.Users.Where(u => u.Id == c.HiddenById).Select(u => u.DisplayName).FirstOrDefault(),
                c.HiddenReason))
            .ToListAsync(cancellationToken);

        return new SharedRecognition(
            featured.At, featured.Count, applause, applause.Select(a => a.PersonId).ToHashSet(StringComparer.Ordinal), celebrations, comments);
    }
}
