using CareStories.Domain.Catalogue;
using CareStories.Domain.Delivery;
using CareStories.Domain.Events;
using CareStories.Domain.Notifications;
using CareStories.Domain.Permission;
using CareStories.Domain.Settings;
using CareStories.Domain.Thanks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Data;

/// <summary>
/// The one model and unit of work, written against EF Core's relational API only. Each database is a subtype in
/// CareStories.Data (<c>SqliteCareStoriesDbContext</c>, <c>PostgresCareStoriesDbContext</c>) that adds what only that
/// provider needs (how instants are stored, how the case-insensitive collation is made) and owns its migrations;
/// everything else asks for this type.
/// </summary>
public abstract class CareStoriesDbContext(DbContextOptions options)
    : IdentityDbContext<Person>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The collation of names that must be unique ignoring case and accents' case ("Équipe" and "équipe" are one
    /// name): each provider makes a collation of this name that compares Unicode text case-insensitively.
    /// </summary>
    public const string CaseInsensitiveCollation = "case_insensitive";

    /// <summary>
    /// A deterministic collation under which <c>upper()</c> knows every alphabet, for "contains, ignoring case"
    /// searches: <c>EF.Functions.Collate(column, db.TextSearchCollation).ToUpper().Contains(term.ToUpperInvariant())</c>.
    /// PostgreSQL refuses substring searches on a nondeterministic collation such as <see cref="CaseInsensitiveCollation"/>.
    /// </summary>
    public abstract string TextSearchCollation { get; }

    /// <summary>Which SQL this database speaks, for the few queries written in SQL (search, review waits).</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The keys that sign cookies and reset links, shared by every app instance over this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<CareValue> Values => Set<CareValue>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<CustomerQuote> Quotes => Set<CustomerQuote>();

    public DbSet<StoryStatusChange> StoryStatusChanges => Set<StoryStatusChange>();

    public DbSet<Badge> Badges => Set<Badge>();

    public DbSet<Celebration> Celebrations => Set<Celebration>();

    public DbSet<Applause> Applause => Set<Applause>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<FeaturedStory> FeaturedStories => Set<FeaturedStory>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CompanySettings> CompanySettings => Set<CompanySettings>();

    public DbSet<StoryPhoto> StoryPhotos => Set<StoryPhoto>();

    public DbSet<QuoteRedaction> QuoteRedactions => Set<QuoteRedaction>();

    public DbSet<PhotoTakedown> PhotoTakedowns => Set<PhotoTakedown>();

    public DbSet<StoredPhotoBlob> PhotoBlobs => Set<StoredPhotoBlob>();

    public DbSet<ThankYouLink> ThankYouLinks => Set<ThankYouLink>();

    public DbSet<CustomerThanks> CustomerThanks => Set<CustomerThanks>();

    public DbSet<Fixes.Fix> Fixes => Set<Fixes.Fix>();

    public DbSet<Fixes.FixStory> FixStories => Set<Fixes.FixStory>();

    public DbSet<Fixes.FixCredit> FixCredits => Set<Fixes.FixCredit>();

    public DbSet<Fixes.FixChange> FixHistory => Set<Fixes.FixChange>();

    public DbSet<Fixes.FixCelebration> FixCelebrations => Set<Fixes.FixCelebration>();

    public DbSet<Fixes.StoryRepeat> StoryRepeats => Set<Fixes.StoryRepeat>();
    public DbSet<ProfilePhotoTakedown> ProfilePhotoTakedowns => Set<ProfilePhotoTakedown>();
    public DbSet<Feeds.FeedAddress> FeedAddresses => Set<Feeds.FeedAddress>();
    public DbSet<MailPreferences> MailPreferences => Set<MailPreferences>();

    public DbSet<KindDelivery> MailPreferenceKinds => Set<KindDelivery>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    public DbSet<ChatWebhook> ChatWebhooks => Set<ChatWebhook>();

    public DbSet<ChatPost> ChatPosts => Set<ChatPost>();
    // Permission to care: the charter, must-follow procedures, the empowerment limit and the rules bent.
    public DbSet<CharterVersion> CharterVersions => Set<CharterVersion>();

    public DbSet<MustFollowProcedure> MustFollowProcedures => Set<MustFollowProcedure>();

    public DbSet<EmpowermentLimits> EmpowermentLimits => Set<EmpowermentLimits>();

    public DbSet<BentRule> BentRules => Set<BentRule>();

    public DbSet<StoryLatitude> StoryLatitudes => Set<StoryLatitude>();

    /// <summary>The stamp shared caches are keyed by, renewed in every save that changes what everyone sees.</summary>
    public DbSet<Freshness.ChangeStamp> ChangeStamps => Set<Freshness.ChangeStamp>();

    /// <summary>
    /// Turns the domain events the tracked entities raised into notification rows, and bumps the concurrency token
    /// of every changed aggregate that has one, then saves it all in one transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await DispatchDomainEventsAsync(cancellationToken);
        BumpVersions();
        Freshness.ChangeStamping.RenewIfContentChanged(this);
        await StoryTeamKinds.SetAddedAsync(this, cancellationToken);
        var kindEdits = StoryTeamKinds.Edited(this);
        var storyStamps = WithInsightsHistory(Freshness.StoryStamps.ToRenew(this), await Insights.InsightsHistory.ChangedAsync(this, cancellationToken));
        if (storyStamps.Count == 0 && kindEdits.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await Freshness.StoryStamps.RenewAsync(this, storyStamps, cancellationToken);
            var within = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await StoryTeamKinds.FollowAsync(this, kindEdits, cancellationToken);
            return within;
        }

        // The stories' stamps and the links' copies of a team's kind are written in the save's own transaction, so no
        // reader sees the change without them.
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Freshness.StoryStamps.RenewAsync(this, storyStamps, cancellationToken);
        await StoryTeamKinds.FollowAsync(this, kindEdits, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // The synchronous path (tools, seeding) runs the same rules; nothing here has a synchronization context to deadlock on.
        DispatchDomainEventsAsync(CancellationToken.None).GetAwaiter().GetResult();
        BumpVersions();
        Freshness.ChangeStamping.RenewIfContentChanged(this);
        StoryTeamKinds.SetAdded(this);
        var kindEdits = StoryTeamKinds.Edited(this);
        var storyStamps = WithInsightsHistory(Freshness.StoryStamps.ToRenew(this), Insights.InsightsHistory.Changed(this));
        if (storyStamps.Count == 0 && kindEdits.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            Freshness.StoryStamps.Renew(this, storyStamps);
            var within = base.SaveChanges(acceptAllChangesOnSuccess);
            StoryTeamKinds.Follow(this, kindEdits);
            return within;
        }

        using var transaction = Database.BeginTransaction();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Freshness.StoryStamps.Renew(this, storyStamps);
        StoryTeamKinds.Follow(this, kindEdits);
        transaction.Commit();
        return saved;
    }

    /// <summary>
    /// The stamp rows to renew, with Insights' history row (<see cref="Insights.InsightsHistory"/>) when the save
    /// changes a month that is over: written by the same upsert, in the same transaction.
    /// </summary>
    private static IReadOnlyList<int> WithInsightsHistory(IReadOnlyList<int> rows, bool historyChanged) =>
        historyChanged ? [.. rows, Insights.InsightsHistory.StampId] : rows;

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        var rules = new NotificationRules(this);
        while (true)
        {
            var raised = ChangeTracker.Entries<AggregateRoot>()
                .Select(e => e.Entity)
                .Where(e => e.DomainEvents.Count > 0)
                .ToList();
            if (raised.Count == 0)
            {
                return;
            }

            var events = raised.SelectMany(e => e.DomainEvents).OrderBy(e => e.At).ToList();
            raised.ForEach(e => e.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                await rules.HandleAsync(domainEvent, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A changed aggregate with a <c>Version</c> token saves as version + 1 where the row still has the version it
    /// was read with; if someone saved it meanwhile, no row matches and EF Core refuses the save.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(VersionProperty) is { IsConcurrencyToken: true })
            {
                var version = entry.Property(VersionProperty);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    internal const string VersionProperty = "Version";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareStoriesDbContext).Assembly);
    }

    /// <summary>Instants are stored in UTC on every provider; each subtype says how (SQLite: ticks, PostgreSQL: timestamptz).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
