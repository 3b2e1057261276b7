using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.People;
using CareStories.Domain.Stories;

namespace CareStories.Web.Demo;

/// <summary>
/// What happens to the demo stories once they are shared: badges given with a message, applause, comments (one
/// edited, one hidden by the admin), two featured stories, and the notifications all that caused, the recent ones
/// still unread. Everything goes through the domain methods, spread over time from each story's publication.
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
        IReadOnlyList<Team> teams,
        IReadOnlyList<Story> stories,
        DateTimeOffset now)
    {
        var badges = Badges.Select(b => new Badge(b.Name, b.Description, b.Colour, b.Emoji)).ToList();
        db.Badges.AddRange(badges);
        await db.SaveChangesAsync();

        var notes = new List<Notification>();
        var published = stories.Where(s => s.Status == StoryStatus.Published).OrderByDescending(s => s.PublishedAt).ToList();
        var celebrators = new[] { "leader", "elena", "tom", "aisha", "manager" }.Select(k => people[k].Id).ToList();
        var everyone = people.Values.Select(p => p.Id).ToList();

        for (var i = 0; i < published.Count; i++)
        {
            var story = published[i];
            var publishedAt = story.PublishedAt!.Value;
            var reviewer = story.History.Last().ActorId;
            notes.AddRange(Read(Notification.ForStoryPeople(story, NotificationKind.StoryPublished, reviewer, publishedAt), now));

            // Two stories in three are celebrated, some by two people; the newest ones by the leader first.
            if (i % 3 != 2)
            {
                var givers = celebrators.Where(id => id != story.AuthorId && story.Heroes.All(h => h.PersonId != id))
                    .Skip(i % 2).Take(i % 4 == 0 ? 2 : 1).ToList();
                for (var g = 0; g < givers.Count; g++)
                {
                    var at = Before(now, publishedAt.AddHours(6 + (g * 20) + (i * 3)));
                    story.Celebrate(givers[g], badges[(i + g) % badges.Count], CelebrationMessages[(i + (g * 2)) % CelebrationMessages.Length], at);
                    notes.AddRange(Read(Notification.ForStoryPeople(story, NotificationKind.StoryCelebrated, givers[g], at), now));
                }
            }

            // Applause from a spread of colleagues, more for the newer stories.
            var applauders = everyone.Where((_, p) => (p + i) % 3 != 0).Take(3 + ((published.Count - i) % 9)).ToList();
            foreach (var (id, n) in applauders.Select((id, n) => (id, n)))
            {
                story.Applaud(id, Before(now, publishedAt.AddHours(2 + n)));
            }

            if (i % 2 == 0)
            {
                var writer = everyone[(i * 5 + 3) % everyone.Count];
                var at = Before(now, publishedAt.AddHours(4 + i));
                story.AddComment(writer, CommentTexts[i / 2 % CommentTexts.Length], at);
                notes.AddRange(Read(Notification.ForStoryPeople(story, NotificationKind.StoryCommented, writer, at), now));
            }
        }

        await db.SaveChangesAsync();
        await AddModeratedCommentsAsync(db, published, people, now);
        AddRecentNewsForTheDemoEmployee(stories, people, badges, notes, now);
        Feature(published, people["leader"].Id, now);
        notes.AddRange(WaitingForReview(stories, teams, now));
        notes.AddRange(SentBack(stories));
        db.Notifications.AddRange(notes);
        await db.SaveChangesAsync();
    }

    private static async Task AddModeratedCommentsAsync(
        CareStoriesDbContext db, IReadOnlyList<Story> published, IReadOnlyDictionary<string, Person> people, DateTimeOffset now)
    {
        var story = published[1];
        var publishedAt = story.PublishedAt!.Value;
        var edited = story.AddComment(people["ravi"].Id, "Brilliant work, and thanks for writing it up.", Before(now, publishedAt.AddHours(9)));
        var unkind = story.AddComment(people["oliver"].Id, "Must be nice having time for all this while the rest of us cover the phones.", Before(now, publishedAt.AddHours(11)));

        // Comments are found by id, so they need theirs before they are edited or hidden.
        await db.SaveChangesAsync();
        story.EditComment(edited.Id, people["ravi"].Id, "Brilliant work, and thanks for writing it up so clearly that I could follow every step.", Before(now, publishedAt.AddHours(10)));
        story.HideComment(unkind.Id, people["admin"].Id, "A personal remark about a colleague; comments here stay kind.", Before(now, publishedAt.AddHours(13)));
    }

    /// <summary>The demo employee has recent, unread news: a fresh celebration and a comment on their story.</summary>
    private static void AddRecentNewsForTheDemoEmployee(
        IReadOnlyList<Story> stories, IReadOnlyDictionary<string, Person> people,
        IReadOnlyList<Badge> badges, List<Notification> notes, DateTimeOffset now)
    {
        var story = stories.Single(s => s.Title.Contains("Mr Albrecht", StringComparison.Ordinal));
        if (story.Celebrations.Any(c => c.CelebratorId == people["manager"].Id))
        {
            throw new InvalidOperationException("The demo manager has celebrated the Albrecht story already; change the demo.");
        }

        var celebratedAt = now.AddHours(-20);
        story.Celebrate(people["manager"].Id, badges[1], "Seventy minutes of patience, and Mr Albrecht still talks about it. Thank you, Jamie.", celebratedAt);
        notes.AddRange(Notification.ForStoryPeople(story, NotificationKind.StoryCelebrated, people["manager"].Id, celebratedAt));

        var commentedAt = now.AddHours(-3);
        story.AddComment(people["fatima"].Id, "I listened to part of that call for training. Textbook.", commentedAt);
        notes.AddRange(Notification.ForStoryPeople(story, NotificationKind.StoryCommented, people["fatima"].Id, commentedAt));
    }

    private static void Feature(IReadOnlyList<Story> published, string leaderId, DateTimeOffset now)
    {
        var featured = published.Where(s => s.Celebrations.Count >= 2).Take(2).ToList();
        for (var i = 0; i < featured.Count; i++)
        {
            featured[i].Feature(leaderId, i, now.AddDays(-2 - i));
        }
    }

    /// <summary>Each waiting story told to the managers who may review it, unread: the review queue's news.</summary>
    private static IEnumerable<Notification> WaitingForReview(IReadOnlyList<Story> stories, IReadOnlyList<Team> teams, DateTimeOffset now) =>
        stories.Where(s => s.Status == StoryStatus.Submitted)
            .SelectMany(story =>
            {
                var involved = story.Heroes.Select(h => h.PersonId).Append(story.AuthorId).ToHashSet(StringComparer.Ordinal);
                return teams.Where(t => story.Teams.Any(st => st.TeamId == t.Id) || t.Memberships.Any(m => m.PersonId == story.AuthorId))
                    .SelectMany(t => t.Memberships)
                    .Where(m => m.IsManager && !involved.Contains(m.PersonId))
                    .Select(m => m.PersonId)
                    .Distinct(StringComparer.Ordinal)
                    .Select(id => new Notification(id, NotificationKind.StoryWaitingForReview, story.Id, story.AuthorId, Before(now, story.SubmittedAt!.Value)));
            });

    private static IEnumerable<Notification> SentBack(IReadOnlyList<Story> stories) =>
        stories.Where(s => s.Status == StoryStatus.ChangesRequested)
            .SelectMany(story =>
            {
                var change = story.History.Last();
                return Notification.ForStoryPeople(story, NotificationKind.StorySentBack, change.ActorId, change.At);
            });

    /// <summary>News older than a week has been read; the rest waits under the bell.</summary>
    private static IEnumerable<Notification> Read(IEnumerable<Notification> notes, DateTimeOffset now)
    {
        foreach (var note in notes)
        {
            if (note.CreatedAt < now.AddDays(-7))
            {
                note.MarkRead(note.CreatedAt.AddHours(3));
            }

            yield return note;
        }
    }

    private static DateTimeOffset Before(DateTimeOffset now, DateTimeOffset at) => at < now ? at : now.AddMinutes(-10);
}
