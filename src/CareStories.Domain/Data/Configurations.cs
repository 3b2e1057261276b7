using CareStories.Domain.Catalogue;
using CareStories.Domain.Notifications;
using CareStories.Domain.Settings;
using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength).IsRequired();
        builder.Property(p => p.JobTitle).HasMaxLength(Person.JobTitleMaxLength);
        builder.HasIndex(p => p.DisplayName);
        builder.Ignore(p => p.IsActive);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.DeactivatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Memberships).WithOne(m => m.Person).HasForeignKey(m => m.PersonId);
        builder.Navigation(p => p.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(p => p.PhotoKey).HasMaxLength(Person.PhotoKeyMaxLength);
        // Profile photos are served by key.
        builder.HasIndex(p => p.PhotoKey).IsUnique();
        builder.HasMany(p => p.PhotoTakedowns).WithOne(t => t.Person).HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.PhotoTakedowns).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProfilePhotoTakedownConfiguration : IEntityTypeConfiguration<ProfilePhotoTakedown>
{
    public void Configure(EntityTypeBuilder<ProfilePhotoTakedown> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(ProfilePhotoTakedown.ReasonMaxLength).IsRequired();
        // Admins list them newest first (keyset on At, Id); a person's own are read on their profile page.
        builder.HasIndex(t => new { t.At, t.Id });
        builder.HasIndex(t => new { t.PersonId, t.At });
        builder.HasOne(t => t.Admin).WithMany().HasForeignKey(t => t.AdminId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength).IsRequired()
            .UseCollation(CareStoriesDbContext.CaseInsensitiveCollation);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(Team.DescriptionMaxLength);
        builder.HasMany(t => t.Memberships).WithOne(m => m.Team).HasForeignKey(m => m.TeamId);
        builder.Navigation(t => t.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.PersonId });
        // "Which teams does this person manage / belong to" is asked on every story page.
        builder.HasIndex(m => new { m.PersonId, m.IsManager });
    }
}

internal sealed class CareValueConfiguration : IEntityTypeConfiguration<CareValue>
{
    public void Configure(EntityTypeBuilder<CareValue> builder)
    {
        builder.ToTable("Values");
        builder.Property(v => v.Name).HasMaxLength(CareValue.NameMaxLength).IsRequired()
            .UseCollation(CareStoriesDbContext.CaseInsensitiveCollation);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.Property(v => v.Description).HasMaxLength(CareValue.DescriptionMaxLength).IsRequired();
    }
}

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Story.TitleMaxLength).IsRequired();
        builder.Property(s => s.Situation).HasMaxLength(Story.NarrativeMaxLength);
        builder.Property(s => s.ImmediateAction).HasMaxLength(Story.NarrativeMaxLength);
        builder.Property(s => s.Prevention).HasMaxLength(Story.PreventionMaxLength);
        builder.Property(s => s.Outcome).HasMaxLength(Story.NarrativeMaxLength);
        // An optional complex type in the story's own row; the columns keep the names they had as plain properties.
        builder.ComplexProperty(s => s.Spend, spend =>
        {
            spend.Property(x => x.Amount).HasColumnName("SpendAmount");
            spend.Property(x => x.Currency).HasColumnName("SpendCurrency").HasMaxLength(3);
            spend.Property(x => x.Purpose).HasColumnName("SpendPurpose").HasMaxLength(Spend.PurposeMaxLength);
        });
        builder.Property(s => s.ReviewComment).HasMaxLength(StoryStatusChange.CommentMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsEditable);
        builder.Ignore(s => s.DomainEvents);

        builder.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // My stories lists by author and status, newest change first; the feed reads published stories by key.
        builder.HasIndex(s => new { s.AuthorId, s.UpdatedAt });
        builder.HasIndex(s => new { s.Status, s.PublishedAt, s.Id });
        // Insights asks of each story published in a period whether its author is among the people it credits: with
        // the author in the index SQLite does not read the stories' rows (they carry the texts) for it.
        builder.HasIndex(s => new { s.Status, s.PublishedAt, s.AuthorId });
        // The review queue reads waiting stories oldest first, paged by (SubmittedAt, Id). Its filter and its count ask
        // of every waiting story who wrote it: with the author in the index SQLite reads the count from the index alone
        // and a story's row (it carries the texts) only for the page's own stories.
        builder.HasIndex(s => new { s.Status, s.SubmittedAt, s.Id, s.AuthorId });

        builder.HasMany(s => s.Heroes).WithOne().HasForeignKey(h => h.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Teams).WithOne().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Quotes).WithOne().HasForeignKey(q => q.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.History).WithOne().HasForeignKey(h => h.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.PhotoTakedowns).WithOne().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
        string[] navigations =
        [
            nameof(Story.Heroes), nameof(Story.Teams), nameof(Story.Values), nameof(Story.Quotes), nameof(Story.History),
            nameof(Story.Photos), nameof(Story.PhotoTakedowns),
        ];
        foreach (var navigation in navigations)
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class StoryHeroConfiguration : IEntityTypeConfiguration<StoryHero>
{
    public void Configure(EntityTypeBuilder<StoryHero> builder)
    {
        builder.HasKey(h => new { h.StoryId, h.PersonId });
        builder.HasIndex(h => h.PersonId);
        builder.HasOne(h => h.Person).WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryTeamConfiguration : IEntityTypeConfiguration<StoryTeam>
{
    public void Configure(EntityTypeBuilder<StoryTeam> builder)
    {
        builder.HasKey(t => new { t.StoryId, t.TeamId });
        // The stories tagged with a team, read from the index alone (the review queue reads a manager's teams' stories
        // once, then tests each waiting story against them).
        builder.HasIndex(t => new { t.TeamId, t.StoryId });
        // Insights' trends ask, per counted story, whether it has a link of each kind: a seek of this index answers.
        builder.HasIndex(t => new { t.StoryId, t.Kind });
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryValueConfiguration : IEntityTypeConfiguration<StoryValue>
{
    public void Configure(EntityTypeBuilder<StoryValue> builder)
    {
        builder.HasKey(v => new { v.StoryId, v.ValueId });
        builder.HasIndex(v => v.ValueId);
        builder.HasOne(v => v.Value).WithMany().HasForeignKey(v => v.ValueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerQuoteConfiguration : IEntityTypeConfiguration<CustomerQuote>
{
    public void Configure(EntityTypeBuilder<CustomerQuote> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(CustomerQuote.TextMaxLength).IsRequired();
        builder.Property(q => q.CustomerName).HasMaxLength(CustomerQuote.CustomerNameMaxLength);
        builder.Ignore(q => q.Attribution);
        builder.HasMany(q => q.Redactions).WithOne().HasForeignKey(r => r.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Redactions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QuoteRedactionConfiguration : IEntityTypeConfiguration<QuoteRedaction>
{
    public void Configure(EntityTypeBuilder<QuoteRedaction> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(QuoteRedaction.ReasonMaxLength).IsRequired();
        builder.HasIndex(r => r.QuoteId);
        // The Admins' list of redactions, newest first (keyset on At, Id).
        builder.HasIndex(r => new { r.At, r.Id });
        builder.HasOne(r => r.Admin).WithMany().HasForeignKey(r => r.AdminId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryPhotoConfiguration : IEntityTypeConfiguration<StoryPhoto>
{
    public void Configure(EntityTypeBuilder<StoryPhoto> builder)
    {
        builder.Property(p => p.StorageKey).HasMaxLength(StoryPhoto.StorageKeyMaxLength).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(p => p.AltText).HasMaxLength(StoryPhoto.AltTextMaxLength).IsRequired();
        // Photos are served by key; a story's photos are read in their order.
        builder.HasIndex(p => p.StorageKey).IsUnique();
        builder.HasIndex(p => new { p.StoryId, p.Position });
    }
}

internal sealed class PhotoTakedownConfiguration : IEntityTypeConfiguration<PhotoTakedown>
{
    public void Configure(EntityTypeBuilder<PhotoTakedown> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(PhotoTakedown.ReasonMaxLength).IsRequired();
        builder.HasIndex(t => t.StoryId);
        // The Admins' list of takedowns, newest first (keyset on At, Id).
        builder.HasIndex(t => new { t.At, t.Id });
        builder.HasOne(t => t.Admin).WithMany().HasForeignKey(t => t.AdminId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredPhotoBlobConfiguration : IEntityTypeConfiguration<StoredPhotoBlob>
{
    public void Configure(EntityTypeBuilder<StoredPhotoBlob> builder)
    {
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(StoredPhotoBlob.KeyMaxLength);
        builder.Property(b => b.ContentType).HasMaxLength(40).IsRequired();
    }
}

internal sealed class ThankYouLinkConfiguration : IEntityTypeConfiguration<ThankYouLink>
{
    public void Configure(EntityTypeBuilder<ThankYouLink> builder)
    {
        builder.Property(l => l.Token).HasMaxLength(ThankYouLink.TokenMaxLength).IsRequired();
        builder.Property(l => l.Label).HasMaxLength(ThankYouLink.LabelMaxLength);
        // The public form finds its link by token. The links list reads newest first (keyset on CreatedAt, Id): all of
        // them for an Admin, otherwise those for or made by the person or for the teams they manage.
        builder.HasIndex(l => l.Token).IsUnique();
        builder.HasIndex(l => new { l.CreatedAt, l.Id });
        builder.HasIndex(l => new { l.PersonId, l.CreatedAt, l.Id });
        builder.HasIndex(l => new { l.TeamId, l.CreatedAt, l.Id });
        builder.HasIndex(l => new { l.CreatedById, l.CreatedAt, l.Id });
        builder.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Team).WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.RevokedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerThanksConfiguration : IEntityTypeConfiguration<CustomerThanks>
{
    public void Configure(EntityTypeBuilder<CustomerThanks> builder)
    {
        builder.Property(t => t.Text).HasMaxLength(CustomerThanks.TextMaxLength).IsRequired();
        builder.Property(t => t.CustomerName).HasMaxLength(CustomerQuote.CustomerNameMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Attribution);
        builder.Ignore(t => t.DomainEvents);
        // The queue reads waiting ones oldest first per person or team; the voice page reads approved ones newest first.
        builder.HasIndex(t => new { t.Status, t.ReceivedAt, t.Id });
        builder.HasIndex(t => new { t.PersonId, t.Status });
        builder.HasIndex(t => new { t.TeamId, t.Status });
        builder.HasIndex(t => t.LinkId);
        builder.HasIndex(t => t.QuoteId);
        builder.HasIndex(t => t.StoryId);
        builder.HasOne(t => t.Link).WithMany().HasForeignKey(t => t.LinkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.DecidedBy).WithMany().HasForeignKey(t => t.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Story).WithMany().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Quote).WithMany().HasForeignKey(t => t.QuoteId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StoryStatusChangeConfiguration : IEntityTypeConfiguration<StoryStatusChange>
{
    public void Configure(EntityTypeBuilder<StoryStatusChange> builder)
    {
        builder.Property(h => h.Comment).HasMaxLength(StoryStatusChange.CommentMaxLength);
        builder.HasIndex(h => new { h.StoryId, h.At });
        builder.HasIndex(h => new { h.To, h.At }); // Insights: submissions and decisions in a period (SQLite widens it: SqliteCareStoriesDbContext)
        // Insights' review waits: each decision's latest submission, read per story (without it SQLite walked every
        // submission before the decision through the index above: 15 s a page at 100,000 stories).
        builder.HasIndex(h => new { h.StoryId, h.To, h.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BadgeConfiguration : IEntityTypeConfiguration<Badge>
{
    public void Configure(EntityTypeBuilder<Badge> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Badge.NameMaxLength).IsRequired()
            .UseCollation(CareStoriesDbContext.CaseInsensitiveCollation);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.Property(b => b.Description).HasMaxLength(Badge.DescriptionMaxLength).IsRequired();
        builder.Property(b => b.Emoji).HasMaxLength(Badge.EmojiMaxLength);
    }
}

internal sealed class CelebrationConfiguration : IEntityTypeConfiguration<Celebration>
{
    public void Configure(EntityTypeBuilder<Celebration> builder)
    {
        builder.Property(c => c.Message).HasMaxLength(Celebration.MessageMaxLength).IsRequired();
        builder.Ignore(c => c.DomainEvents);
        // Its own aggregate: the story holds no list of its celebrations.
        builder.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        // Each person celebrates a story once, even when two requests race.
        builder.HasIndex(c => new { c.StoryId, c.CelebratorId }).IsUnique();
        builder.HasIndex(c => new { c.BadgeId, c.StoryId });
        builder.HasIndex(c => c.CelebratorId);
        builder.HasIndex(c => c.At); // Insights: celebrations in a period
        builder.HasOne(c => c.Celebrator).WithMany().HasForeignKey(c => c.CelebratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Badge).WithMany().HasForeignKey(c => c.BadgeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplauseConfiguration : IEntityTypeConfiguration<Applause>
{
    public void Configure(EntityTypeBuilder<Applause> builder)
    {
        builder.ToTable("Applause");
        // The key is the rule: one applause per person per story.
        builder.HasKey(a => new { a.StoryId, a.PersonId });
        builder.HasOne<Story>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.PersonId);
        // Insights: applause in a period, counted per story from the index alone.
        builder.HasIndex(a => new { a.At, a.StoryId });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(Comment.TextMaxLength).IsRequired();
        builder.Property(c => c.HiddenReason).HasMaxLength(Comment.HiddenReasonMaxLength);
        builder.Ignore(c => c.IsHidden);
        builder.Ignore(c => c.DomainEvents);
        builder.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.StoryId, c.CreatedAt });
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.HiddenById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Ignore(n => n.IsRead);
        // The bell counts a person's unread ones on every page; the list reads theirs newest first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt, n.Id });
        builder.HasIndex(n => n.StoryId);
        builder.HasIndex(n => n.CustomerThanksId);
        // The outbox: a delivery worker reads the undelivered ones, oldest first.
        builder.HasIndex(n => new { n.DeliveredAt, n.CreatedAt, n.Id });
        builder.HasOne(n => n.CustomerThanks).WithMany().HasForeignKey(n => n.CustomerThanksId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(n => n.Story).WithMany().HasForeignKey(n => n.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.FixId);
        builder.HasOne(n => n.Fix).WithMany().HasForeignKey(n => n.FixId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeaturedStoryConfiguration : IEntityTypeConfiguration<FeaturedStory>
{
    public void Configure(EntityTypeBuilder<FeaturedStory> builder)
    {
        // The key says a story is featured once; the unique slot says at most three are, even when leaders race.
        builder.HasKey(f => f.StoryId);
        builder.HasIndex(f => f.Slot).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_FeaturedStories_Slot", $"\"Slot\" BETWEEN 1 AND {FeaturedStory.MaxFeatured}"));
        builder.HasIndex(f => f.FeaturedAt);
        builder.HasIndex(f => f.FeaturedById);
        builder.Ignore(f => f.DomainEvents);
        builder.HasOne<Story>().WithOne().HasForeignKey<FeaturedStory>(f => f.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.FeaturedBy).WithMany().HasForeignKey(f => f.FeaturedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompanySettingsConfiguration : IEntityTypeConfiguration<CompanySettings>
{
    public void Configure(EntityTypeBuilder<CompanySettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new
        {
            Id = CompanySettings.SingletonId,
            PublishWithoutReview = false,
            ReviewOverdueDays = CompanySettings.DefaultReviewOverdueDays,
            NotRecognisedDays = CompanySettings.DefaultNotRecognisedDays,
        });
    }
}
