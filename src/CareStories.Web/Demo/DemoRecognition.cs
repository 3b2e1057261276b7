using CareStories.Domain.Catalogue;
using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;

namespace CareStories.Web.Demo;

/// <summary>
/// What happens to the demo stories once they are shared: badges given with a message, applause, comments (one
/// edited, one hidden by the admin) and two featured stories. Everything goes through the domain methods, spread
/// over time from each story's publication; the notifications come from their events, as in the app.
/// </summary>
internal static class DemoRecognition
{
    internal static readonly (string Name, string Description, BadgeColour Colour, string Emoji)[] Badges =
    [
        ("Above and beyond", "Went well past what the job asked, for one customer.", BadgeColour.Amber, "🌟"),
        ("Customer champion", "Took the customer's side and made the company follow.", BadgeColour.Rose, "🏆"),
        ("Root-cause fixer", "Made sure it cannot happen to the next customer.", BadgeColour.Blue, "🛠"),
        ("Team player", "Reached across teams so the customer did not have to.", BadgeColour.Green, "🤝"),
        ("Calm in the storm", "Kept a customer safe and reassured when things went wrong.", BadgeColour.Purple, "🧭"),
    ];

    private static readonly string[] CelebrationMessages =
    [
        "This is exactly what we mean by caring for customers. Thank you for showing everyone how it is done.",
        "I shared this at the leadership meeting. Several people asked how we can make this the norm.",
        "You made a bad day good for a customer and fixed the cause too. That is the whole job, done brilliantly.",
        "Thank you for not hiding behind the rules when the customer needed you. I am proud to work with you.",
        "Calm, kind and quick. The customer will remember this for years.",
        "The prevention step is what makes this special: the next customer never has the problem.",
    ];

    private static readonly string[] CommentTexts =
    [
        "Reading this on a Monday morning made my week. Thank you!",
        "I did not know we could do this. Brilliant, and good to know for next time.",
        "Love the prevention step. Could we share this with the other depots?",
        "As someone who has been on the receiving end of a breakdown at night: thank you.",
        "This is the kind of story I want new starters to read in their first week.",
        "Great teamwork across two departments. More of this, please.",
        "The customer's words say it all.",
    ];

    public static async Task WriteAsync(
        CareStoriesDbContext db,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyList<Story> stories,
        DateTimeOffset now)
    {
        var badges = Badges.Select(b => new Badge(b.Name, b.Description, b.Colour, b.Emoji)).ToList();
        db.Badges.AddRange(badges);
        await db.SaveChangesAsync();

        var published = stories.Where(s => s.Status == StoryStatus.Published).OrderByDescending(s => s.PublishedAt).ToList();
        var celebrators = new[] { "leader", "elena", "tom", "aisha", "manager" }.Select(k => people[k].Id).ToList();
        var everyone = people.Values.Select(p => p.Id).ToList();
        var celebrated = new Dictionary<int, int>();

        for (var i = 0; i < published.Count; i++)
        {
            var story = published[i];
            var facts = story.Facts();
            var publishedAt = story.PublishedAt!.Value;

            // Two stories in three are celebrated, some by two people; the newest ones by the leader first.
            if (i % 3 != 2)
            {
                var givers = celebrators.Where(id => id != story.AuthorId && story.Heroes.All(h => h.PersonId != id))
                    .Skip(i % 2).Take(i % 4 == 0 ? 2 : 1).ToList();
                for (var g = 0; g < givers.Count; g++)
                {
                    var at = Before(now, publishedAt.AddHours(6 + (g * 20) + (i * 3)));
                    db.Celebrations.Add(Celebration.Give(facts, givers[g], badges[(i + g) % badges.Count], CelebrationMessages[(i + (g * 2)) % CelebrationMessages.Length], at));
                }

                celebrated[story.Id] = givers.Count;
            }

            // Applause from a spread of colleagues (never the story's own people), more for the newer stories.
            var applauders = everyone.Where((_, p) => (p + i) % 3 != 0)
                .Take(3 + ((published.Count - i) % 9))
                .Where(id => id != story.AuthorId && story.Heroes.All(h => h.PersonId != id))
                .ToList();
            foreach (var (id, n) in applauders.Select((id, n) => (id, n)))
            {
                db.Applause.Add(Applause.Give(facts, id, Before(now, publishedAt.AddHours(2 + n))));
            }

            if (i % 2 == 0)
            {
                var writer = everyone[(i * 5 + 3) % everyone.Count];
                db.Comments.Add(Comment.Write(facts, writer, CommentTexts[i / 2 % CommentTexts.Length], Before(now, publishedAt.AddHours(4 + i))));
            }
        }

        await db.SaveChangesAsync();
        await AddModeratedCommentsAsync(db, published, people, now);
        AddRecentNewsForTheDemoEmployee(db, stories, people, badges, celebrated, now);
        Feature(db, published, celebrated, people["leader"].Id, now);
        await db.SaveChangesAsync();
    }

    private static async Task AddModeratedCommentsAsync(
        CareStoriesDbContext db, IReadOnlyList<Story> published, IReadOnlyDictionary<string, Person> people, DateTimeOffset now)
    {
        var story = published[1];
        var publishedAt = story.PublishedAt!.Value;
        var edited = Comment.Write(story.Facts(), people["ravi"].Id, "Brilliant work, and thanks for writing it up.", Before(now, publishedAt.AddHours(9)));
        var unkind = Comment.Write(story.Facts(), people["oliver"].Id, "Must be nice having time for all this while the rest of us cover the phones.", Before(now, publishedAt.AddHours(11)));
        db.Comments.AddRange(edited, unkind);
        await db.SaveChangesAsync();
        edited.Edit(people["ravi"].Id, "Brilliant work, and thanks for writing it up so clearly that I could follow every step.", Before(now, publishedAt.AddHours(10)));
        unkind.Hide(people["admin"].Id, "A personal remark about a colleague; comments here stay kind.", Before(now, publishedAt.AddHours(13)));
    }

    /// <summary>The demo employee has recent, unread news: a fresh celebration and a comment on their story.</summary>
    private static void AddRecentNewsForTheDemoEmployee(
        CareStoriesDbContext db, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, Person> people,
        IReadOnlyList<Badge> badges, Dictionary<int, int> celebrated, DateTimeOffset now)
    {
        var story = stories.Single(s => s.Title.Contains("Mr Albrecht", StringComparison.Ordinal));
        if (db.ChangeTracker.Entries<Celebration>().Any(c => c.Entity.StoryId == story.Id && c.Entity.CelebratorId == people["manager"].Id))
        {
            throw new InvalidOperationException("The demo manager has celebrated the Albrecht story already; change the demo.");
        }

        db.Celebrations.Add(Celebration.Give(story.Facts(), people["manager"].Id, badges[1], "Seventy minutes of patience, and Mr Albrecht still talks about it. Thank you, Jamie.", now.AddHours(-20)));
        celebrated[story.Id] = celebrated.GetValueOrDefault(story.Id) + 1;
        db.Comments.Add(Comment.Write(story.Facts(), people["fatima"].Id, "I listened to part of that call for training. Textbook.", now.AddHours(-3)));
    }

    private static void Feature(
        CareStoriesDbContext db, IReadOnlyList<Story> published, Dictionary<int, int> celebrated, string leaderId, DateTimeOffset now)
    {
        var featured = new List<FeaturedStory>();
        foreach (var story in published.Where(s => celebrated.GetValueOrDefault(s.Id) >= 2).Take(2))
        {
            featured.Add(FeaturedStory.Feature(story.Facts(), leaderId, featured, now.AddDays(-2 - featured.Count)));
        }

        db.FeaturedStories.AddRange(featured);
    }

    /// <summary>
    /// The domain events told everyone what happened, as they would have been told. News older than a week has
    /// been read (a thank-you's approval after a few days), except what still waits for someone: a story waiting for
    /// review or sent back, and a thank-you waiting for approval.
    /// </summary>
    public static async Task ReadOldNewsAsync(CareStoriesDbContext db, DateTimeOffset now)
    {
        var notes = await db.Notifications.Where(n => n.ReadAt == null).ToListAsync();
        var stories = await db.Stories.Select(s => new { s.Id, s.Status }).ToDictionaryAsync(s => s.Id, s => s.Status);
        var thanks = await db.CustomerThanks.Select(t => new { t.Id, t.Status }).ToDictionaryAsync(t => t.Id, t => t.Status);
        foreach (var note in notes)
        {
            var status = note.StoryId is { } id ? stories[id] : (StoryStatus?)null;
            var stillWaiting = note.Kind switch
            {
                NotificationKind.StoryWaitingForReview => status == StoryStatus.Submitted,
                NotificationKind.StorySentBack => status == StoryStatus.ChangesRequested,
                NotificationKind.ThanksWaiting => note.CustomerThanksId is not { } thanksId || thanks[thanksId] == ThanksStatus.Waiting,
                _ => false,
            };
            var (age, readAfter) = note.Kind == NotificationKind.ThanksApproved ? (TimeSpan.FromDays(3), TimeSpan.FromHours(5)) : (TimeSpan.FromDays(7), TimeSpan.FromHours(3));
            if (!stillWaiting && note.CreatedAt < now - age)
            {
                note.MarkRead(note.CreatedAt + readAfter);
            }
        }

        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Before(DateTimeOffset now, DateTimeOffset at) => at < now ? at : now.AddMinutes(-10);
}
