using System.Text.Json.Nodes;
using CareStories.Domain.Delivery;
using CareStories.Web.Mail;

namespace CareStories.Web.Chat;

/// <summary>What a card says: read from the story as it is when the card is sent.</summary>
public sealed record ChatCard(
    ChatEvent Event, string Title, IReadOnlyList<string> Heroes, string Excerpt, string Link,
    string? QuoteText, string? QuoteBy, string? CelebratedBy, string? Badge)
{
    public string Headline => Event == ChatEvent.StoryCelebrated && CelebratedBy is not null
        ? $"{CelebratedBy} celebrated “{Title}”" + (Badge is null ? "" : $" with {Badge}")
        : $"New story: “{Title}”";

    public string HeroLine => Heroes.Count == 0 ? "" : "Heroes: " + string.Join(", ", Heroes);

    /// <summary>Reads the card's facts; null when the story is no longer published (then nothing is posted).</summary>
    public static async Task<ChatCard?> ReadAsync(CareStoriesDbContext db, ChatPost post, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var story = await db.Stories.AsNoTracking().PublishedFeed()
            .Where(s => s.Id == post.StoryId)
            .Select(s => new
            {
                s.Title,
                s.ImmediateAction,
                Heroes = s.Heroes.Select(h => h.Person.DisplayName).ToList(),
                // The customer named only as they consented, and not at all once an Admin redacted who it is from.
                Quote = s.Quotes.Where(q => !q.IsTextRedacted).OrderBy(q => q.Id)
                    .Select(q => new { q.Text, q.Naming, Name = q.IsAttributionRedacted ? null : q.CustomerName })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return null;
        }

        var celebration = post.Event == ChatEvent.StoryCelebrated && post.ActorId is { } celebratorId
            ? await db.Celebrations.AsNoTracking().Where(c => c.StoryId == post.StoryId && c.CelebratorId == celebratorId)
                .Select(c => new { c.Celebrator.DisplayName, Badge = (c.Badge.Emoji == null ? "" : c.Badge.Emoji + " ") + c.Badge.Name })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ChatCard(
            post.Event, story.Title, story.Heroes, MailComposer.Excerpt(story.ImmediateAction), link,
            story.Quote?.Text, story.Quote is null ? null : CareStories.Domain.Stories.QuoteText.Attribution(story.Quote.Naming, story.Quote.Name),
            celebration?.DisplayName, celebration?.Badge);
    }

    /// <summary>Slack's Block Kit message: a header, the heroes and excerpt, the quote, and a button to the story.</summary>
    public JsonObject ToSlack()
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Clip(Headline, 150)) },
            new JsonObject { ["type"] = "section", ["text"] = Markdown($"*{Escape(HeroLine)}*\n{Escape(Excerpt)}".Trim()) },
        };
        if (QuoteText is not null)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Markdown($"> {Escape(Clip(QuoteText, 500)).ReplaceLineEndings("\n> ")}\n— {Escape(QuoteBy)}") });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray { new JsonObject { ["type"] = "button", ["text"] = PlainText("Read the story"), ["url"] = Link } },
        });
        return new JsonObject { ["text"] = Headline, ["blocks"] = blocks };
    }

    /// <summary>An Adaptive Card in a message, which Teams' incoming webhooks and Power Automate workflows both take.</summary>
    public JsonObject ToTeams()
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = Headline, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = HeroLine, ["isSubtle"] = true, ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = Excerpt, ["wrap"] = true },
        };
        if (QuoteText is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"“{Clip(QuoteText, 500)}” — {QuoteBy}", ["wrap"] = true, ["isSubtle"] = true });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Read the story", ["url"] = Link } },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card } },
        };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // Slack reads &, < and > as markup (links, mentions): people's words must stay words.
    private static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
