using CareStories.Domain.Data;
using CareStories.Domain.Delivery;
using CareStories.Domain.Feeds;
using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CareStories.Domain.Freshness;

/// <summary>
/// Decides, from what a save is about to write, whether the shared content changed, and if so renews the
/// <see cref="ChangeStamp"/> in that same save (so in the same transaction: a reader never sees the change without
/// the new stamp). Everything counts except the few things no shared page shows, so a table added later is fresh by
/// default and at worst costs a cache miss.
/// </summary>
public static class ChangeStamping
{
    // Bookkeeping that no page shows to others: delivery, sign-in state, keys, private addresses, waiting thank-yous.
    private static readonly HashSet<Type> Unshown =
    [
        typeof(Notification), typeof(OutgoingMail), typeof(ChatPost), typeof(MailPreferences), typeof(KindDelivery),
        typeof(DataProtectionKey), typeof(FeedAddress), typeof(ThankYouLink), typeof(CustomerThanks), typeof(ChangeStamp),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityRoleClaim<string>), typeof(IdentityUserRole<string>), typeof(IdentityRole),
    ];

    // What Identity writes on a person while signing in, locking out or changing a password: none of it is shown.
    private static readonly HashSet<string> PersonBookkeeping = new(StringComparer.Ordinal)
    {
        nameof(Person.AccessFailedCount), nameof(Person.LockoutEnd), nameof(Person.LockoutEnabled),
        nameof(Person.SecurityStamp), nameof(Person.ConcurrencyStamp), nameof(Person.PasswordHash),
        nameof(Person.EmailConfirmed), nameof(Person.PhoneNumberConfirmed), nameof(Person.TwoFactorEnabled),
    };

    /// <summary>Renews the stamp if this save changes anything a shared page shows; call it just before saving.</summary>
    public static void RenewIfContentChanged(CareStoriesDbContext db)
    {
        if (!db.ChangeTracker.Entries().Any(ChangesSharedContent))
        {
            return;
        }

        var stamps = db.Set<ChangeStamp>();
        var stamp = stamps.Local.FirstOrDefault(s => s.Id == ChangeStamp.SharedContentId);
        if (stamp is null)
        {
            // Written blind (UPDATE ... WHERE Id = 1): the row is made by the migration and never deleted.
            stamp = new ChangeStamp(ChangeStamp.SharedContentId, 0);
            stamps.Attach(stamp);
        }

        stamp.Renew();
        db.Entry(stamp).Property(s => s.Value).IsModified = true;
    }

    internal static bool ChangesSharedContent(EntityEntry entry)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached || Unshown.Contains(entry.Metadata.ClrType))
        {
            return false;
        }

        // Owned types and complex parts of a story count as the story.
        return entry.Entity is not Person || entry.State != EntityState.Modified
            || entry.Properties.Any(p => p.IsModified && !PersonBookkeeping.Contains(p.Metadata.Name));
    }
}
