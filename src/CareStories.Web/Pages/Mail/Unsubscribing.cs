using CareStories.Domain.Delivery;
using CareStories.Web.Delivery;

namespace CareStories.Web.Pages.Mail;

/// <summary>What both unsubscribe pages do with a signed token: read it, and turn off what it names for whom it names.</summary>
public sealed class Unsubscribing(CareStoriesDbContext db, UnsubscribeTokens tokens, TimeProvider time)
{
    /// <summary>What the link would turn off, in words ("email for “Your story is celebrated”"), or null for a link that is not valid.</summary>
    public async Task<string?> DescribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } found
            || !await db.Users.AsNoTracking().AnyAsync(p => p.Id == found.PersonId, cancellationToken))
        {
            return null;
        }

        return found.Scope.Kind is { } kind ? $"email for “{kind.Label()}”"
            : found.Scope.IsDigest ? "the weekly digest"
            : "the stories of the week";
    }

    /// <summary>Turns it off (saying so a second time is no error) and returns what the person reads; null for a link that is not valid.</summary>
    public async Task<string?> ApplyAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } found
            || !await db.Users.AsNoTracking().AnyAsync(p => p.Id == found.PersonId, cancellationToken))
        {
            return null;
        }

        var preferences = await db.MailPreferences.SingleOrDefaultAsync(p => p.PersonId == found.PersonId, cancellationToken);
        if (preferences is null)
        {
            preferences = new MailPreferences(found.PersonId, time.GetUtcNow());
            db.MailPreferences.Add(preferences);
        }

        var said = preferences.Unsubscribe(found.Scope);
        await db.SaveChangesAsync(cancellationToken);
        return said;
    }
}
