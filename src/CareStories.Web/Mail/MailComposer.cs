using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;
using CareStories.Web.Delivery;
using CareStories.Web.Notifications;

namespace CareStories.Web.Mail;

/// <summary>
/// Turns notifications into outgoing mail, as each person chose: every new notification is looked at once (its
/// <c>DeliveredAt</c> is set by a conditional update, so two workers never both take it): "email at once" composes a
/// message, "in the app only" leaves it to the bell, and "weekly digest" leaves it waiting until the week's digest
/// collects it. The weekly digest and "stories of the week" are claimed per person and week the same way.
/// </summary>
public sealed class MailComposer(CareStoriesDbContext db, TimeProvider clock, AppLinks links, UnsubscribeTokens tokens)
{
    /// <summary>News older than this when first seen (the app was down for long, or it was seeded) is not mailed: it is no longer news.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(3);

    private const int BatchSize = 100;
    public const int MostStoriesOfTheWeek = 10;
    public const string SettingsPath = "/Notifications/Email";

    public async Task ComposeAsync(CancellationToken cancellationToken)
    {
        while (await ComposeNotificationsAsync(cancellationToken) == BatchSize)
        {
        }

        await ComposeDigestsAsync(cancellationToken);
        await ComposeStoriesOfTheWeekAsync(cancellationToken);
    }

    private sealed record Pending(
        long Id, string RecipientId, NotificationKind Kind, int? StoryId, int? FixId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
        DeliveryChoice? Choice, string? ActorName, string? StoryTitle, Recipient To);

    private sealed record Recipient(string? Email, bool EmailConfirmed, DateTimeOffset? DeactivatedAt)
    {
        public bool CanReceive => Email is not null && EmailConfirmed && DeactivatedAt is null;
    }

    /// <summary>One batch of new notifications not waiting for a digest; returns how many it looked at.</summary>
    public async Task<int> ComposeNotificationsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = await (
                from n in db.Notifications.AsNoTracking()
                join person in db.Users on n.RecipientId equals person.Id
                where n.DeliveredAt == null
                    && !db.MailPreferenceKinds.Any(k => k.PersonId == n.RecipientId && k.Kind == n.Kind && k.Choice == DeliveryChoice.WeeklyDigest)
                orderby n.DeliveredAt, n.CreatedAt, n.Id
                select new Pending(
                    n.Id, n.RecipientId, n.Kind, n.StoryId, n.FixId, n.CreatedAt, n.ReadAt,
                    db.MailPreferenceKinds.Where(k => k.PersonId == n.RecipientId && k.Kind == n.Kind).Select(k => (DeliveryChoice?)k.Choice).FirstOrDefault(),
                    n.Actor == null ? null : n.Actor.DisplayName,
                    n.Fix != null ? n.Fix.Title : n.Story == null ? null : n.Story.Title,
                    new Recipient(person.Email, person.EmailConfirmed, person.DeactivatedAt)))
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var notification in batch)
        {
            if (!await ClaimAsync([notification.Id], now, cancellationToken))
            {
                continue; // another worker looked at it first
            }

            var mail = notification.Choice == DeliveryChoice.EmailAtOnce && notification.To.CanReceive
                && notification.ReadAt is null && notification.CreatedAt >= now - StaleAfter;
            if (mail)
            {
                db.OutgoingMails.Add(NotificationMail(notification, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task<bool> ClaimAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => ids.Contains(n.Id) && n.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeliveredAt, now).SetProperty(n => n.DeliveryAttempts, n => n.DeliveryAttempts + 1), cancellationToken) > 0;

    private OutgoingMail NotificationMail(Pending n, DateTimeOffset now)
    {
        var sentence = Notification.Describe(n.Kind, n.ActorName, n.StoryTitle);
        var target = links.To(NotificationLinks.Target(n.Kind, n.StoryId, n.FixId));
        var unsubscribe = tokens.Create(n.RecipientId, UnsubscribeScope.For(n.Kind));
        var why = $"You get this email because you chose “email at once” for “{n.Kind.Label()}”.";
        var html = MailLayout.Html(
            sentence,
            MailLayout.Paragraph(sentence + ".") + MailLayout.Button(n.FixId is not null ? "Open the fix" : n.StoryId is null ? "Open CareStories" : "Open the story", target),
            Footer(why, unsubscribe, "Stop these emails"));
        var text = $"{sentence}.\n\nOpen it: {target}\n\n-- \n{why}\n{TextFooter(unsubscribe)}";
        return new OutgoingMail(MailCategory.Notification, n.To.Email!, n.RecipientId, sentence, html, text, now)
            .WithUnsubscribe(OneClick(unsubscribe));
    }

    /// <summary>For each person whose digest for the due week is not made yet: claim the week, collect what waited, send one message.</summary>
    public async Task ComposeDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = MailWeek.DueWeek(now);
        var due = await db.MailPreferences.AsNoTracking()
            .Where(p => p.DigestWeek < week && p.Kinds.Any(k => k.Choice == DeliveryChoice.WeeklyDigest))
            .Select(p => p.PersonId)
            .ToListAsync(cancellationToken);
        foreach (var personId in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.MailPreferences.Where(p => p.PersonId == personId && p.DigestWeek < week)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DigestWeek, week), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var items = await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientId == personId && n.DeliveredAt == null && n.CreatedAt <= now
                    && db.MailPreferenceKinds.Any(k => k.PersonId == personId && k.Kind == n.Kind && k.Choice == DeliveryChoice.WeeklyDigest))
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => new DigestItem(n.Id, n.Kind, n.StoryId, n.FixId, n.CreatedAt, n.Actor == null ? null : n.Actor.DisplayName, n.Fix != null ? n.Fix.Title : n.Story == null ? null : n.Story.Title))
                .ToListAsync(cancellationToken);
            var recipient = await RecipientAsync(personId, cancellationToken);
            if (items.Count > 0)
            {
                await ClaimAsync(items.Select(i => i.Id).ToList(), now, cancellationToken);
                if (recipient.CanReceive)
                {
                    db.OutgoingMails.Add(DigestMail(personId, recipient.Email!, items, now));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private sealed record DigestItem(long Id, NotificationKind Kind, int? StoryId, int? FixId, DateTimeOffset At, string? ActorName, string? StoryTitle);

    private Task<Recipient> RecipientAsync(string personId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Recipient(p.Email, p.EmailConfirmed, p.DeactivatedAt))
            .SingleAsync(cancellationToken);

    private OutgoingMail DigestMail(string personId, string email, IReadOnlyList<DigestItem> items, DateTimeOffset now)
    {
        var subject = items.Count == 1 ? "Your week on CareStories: 1 update" : $"Your week on CareStories: {items.Count} updates";
        var unsubscribe = tokens.Create(personId, UnsubscribeScope.Digest);
        var list = new System.Text.StringBuilder("<ul style=\"padding-left:20px;margin:0;\">");
        var text = new System.Text.StringBuilder();
        foreach (var item in items)
        {
            var sentence = Notification.Describe(item.Kind, item.ActorName, item.StoryTitle);
            var target = links.To(NotificationLinks.Target(item.Kind, item.StoryId, item.FixId));
            var day = item.At.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
            list.Append("<li style=\"margin:0 0 12px;\">").Append(MailLayout.Link(sentence, target))
                .Append("<br><span style=\"color:#495057;font-size:14px;\">").Append(MailLayout.Encode(day)).Append(" (UTC)</span></li>");
            text.Append("* ").Append(sentence).Append(" (").Append(day).Append(")\n  ").Append(target).Append('\n');
        }

        list.Append("</ul>");
        const string why = "You get this weekly digest because you chose it for some kinds of notification.";
        var html = MailLayout.Html(subject, MailLayout.Paragraph("What happened around your stories this week:") + list, Footer(why, unsubscribe, "Stop the weekly digest"));
        return new OutgoingMail(MailCategory.Digest, email, personId, subject, html, $"{subject}\n\n{text}\n-- \n{why}\n{TextFooter(unsubscribe)}", now)
            .WithUnsubscribe(OneClick(unsubscribe));
    }

    private sealed record WeeklyStory(int Id, string Title, string? ImmediateAction, IReadOnlyList<string> Heroes);

    /// <summary>The stories published in the week before the due one, to everyone who asked for them, once per week.</summary>
    public async Task ComposeStoriesOfTheWeekAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = MailWeek.DueWeek(now);
        var due = await (
                from p in db.MailPreferences.AsNoTracking()
                join person in db.Users on p.PersonId equals person.Id
                where p.WantsStoriesOfTheWeek && p.StoriesWeek < week
                select new { p.PersonId, Recipient = new Recipient(person.Email, person.EmailConfirmed, person.DeactivatedAt) })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var from = week.AddDays(-7);
        var stories = await db.Stories.AsNoTracking().PublishedFeed()
            .Where(s => s.PublishedAt >= from && s.PublishedAt < week)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(MostStoriesOfTheWeek)
            .Select(s => new WeeklyStory(s.Id, s.Title, s.ImmediateAction, s.Heroes.Select(h => h.Person.DisplayName).ToList()))
            .ToListAsync(cancellationToken);
        foreach (var person in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.MailPreferences.Where(p => p.PersonId == person.PersonId && p.StoriesWeek < week)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StoriesWeek, week), cancellationToken);
            if (claimed > 0 && stories.Count > 0 && person.Recipient.CanReceive)
            {
                db.OutgoingMails.Add(StoriesMail(person.PersonId, person.Recipient.Email!, stories, now));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private OutgoingMail StoriesMail(string personId, string email, IReadOnlyList<WeeklyStory> stories, DateTimeOffset now)
    {
        var subject = stories.Count == 1 ? "Story of the week" : $"Stories of the week: {stories.Count} stories of great care";
        var unsubscribe = tokens.Create(personId, UnsubscribeScope.StoriesOfTheWeek);
        var html = new System.Text.StringBuilder(MailLayout.Paragraph("Colleagues who went the extra mile for a customer last week:"));
        var text = new System.Text.StringBuilder();
        foreach (var story in stories)
        {
            var target = links.To($"/Stories/{story.Id}");
            var heroes = story.Heroes.Count == 0 ? "" : "By " + string.Join(", ", story.Heroes);
            var excerpt = Excerpt(story.ImmediateAction);
            html.Append("<h2 style=\"font-size:18px;margin:20px 0 4px;\">").Append(MailLayout.Link(story.Title, target)).Append("</h2>")
                .Append("<p style=\"margin:0 0 4px;color:#495057;font-size:14px;\">").Append(MailLayout.Encode(heroes)).Append("</p>")
                .Append(MailLayout.Paragraph(excerpt));
            text.Append(story.Title).Append('\n').Append(heroes).Append('\n').Append(excerpt).Append('\n').Append(target).Append("\n\n");
        }

        const string why = "You get this because you asked for the stories of the week.";
        return new OutgoingMail(MailCategory.StoriesOfTheWeek, email, personId, subject,
                MailLayout.Html(subject, html.ToString(), Footer(why, unsubscribe, "Stop the stories of the week")),
                $"{subject}\n\n{text}-- \n{why}\n{TextFooter(unsubscribe)}", now)
            .WithUnsubscribe(OneClick(unsubscribe));
    }

    /// <summary>The first 200 characters of what was done, cut at a word.</summary>
    public static string Excerpt(string? text, int length = 200)
    {
        text = (text ?? "").ReplaceLineEndings(" ").Trim();
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd(',', '.', ';', ':') + "…";
    }

    private string Footer(string why, string unsubscribeToken, string unsubscribeText) =>
        MailLayout.Encode(why) + "<br>" + MailLayout.Link("Choose what you get by email", links.To(SettingsPath))
        + " · " + MailLayout.Link(unsubscribeText, Unsubscribe(unsubscribeToken));

    private string TextFooter(string unsubscribeToken) =>
        $"Choose what you get by email: {links.To(SettingsPath)}\nUnsubscribe: {Unsubscribe(unsubscribeToken)}";

    private string Unsubscribe(string token) => links.To("/mail/unsubscribe?token=" + Uri.EscapeDataString(token));

    private string OneClick(string token) => links.To("/mail/unsubscribe/one-click?token=" + Uri.EscapeDataString(token));
}
