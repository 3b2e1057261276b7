using CareStories.Domain.Catalogue;
using CareStories.Domain.Notifications;
using CareStories.Domain.People;
using CareStories.Domain.Settings;
using CareStories.Domain.Stories;
using CareStories.Domain.Thanks;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Data;

public sealed class CareStoriesDbContext(DbContextOptions<CareStoriesDbContext> options)
    : IdentityDbContext<Person>(options)
{
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

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CompanySettings> CompanySettings => Set<CompanySettings>();

    public DbSet<StoryPhoto> StoryPhotos => Set<StoryPhoto>();

    public DbSet<QuoteRedaction> QuoteRedactions => Set<QuoteRedaction>();

    public DbSet<PhotoTakedown> PhotoTakedowns => Set<PhotoTakedown>();

    public DbSet<StoredPhotoBlob> PhotoBlobs => Set<StoredPhotoBlob>();

    public DbSet<ThankYouLink> ThankYouLinks => Set<ThankYouLink>();

    public DbSet<CustomerThanks> CustomerThanks => Set<CustomerThanks>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareStoriesDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
