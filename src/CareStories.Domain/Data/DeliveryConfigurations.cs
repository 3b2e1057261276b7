using CareStories.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class MailPreferencesConfiguration : IEntityTypeConfiguration<MailPreferences>
{
    public void Configure(EntityTypeBuilder<MailPreferences> builder)
    {
        builder.HasKey(p => p.PersonId);
        builder.HasOne<Person>().WithOne().HasForeignKey<MailPreferences>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Kinds).WithOne().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Kinds).AutoInclude();
        // The weekly pass looks for the people whose week's mail is not composed yet.
        builder.HasIndex(p => p.DigestWeek);
        builder.HasIndex(p => new { p.WantsStoriesOfTheWeek, p.StoriesWeek });
    }
}

internal sealed class KindDeliveryConfiguration : IEntityTypeConfiguration<KindDelivery>
{
    public void Configure(EntityTypeBuilder<KindDelivery> builder)
    {
        builder.ToTable("MailPreferenceKinds");
        builder.HasKey(k => new { k.PersonId, k.Kind });
        // The digest pass finds whose notifications wait for a digest.
        builder.HasIndex(k => new { k.Choice, k.PersonId });
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.LastErrorMaxLength);
        // The sender's question: unsent, not given up, due — oldest first.
        builder.HasIndex(m => new { m.SentAt, m.GaveUpAt, m.NextAttemptAt, m.Id });
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatWebhookConfiguration : IEntityTypeConfiguration<ChatWebhook>
{
    public void Configure(EntityTypeBuilder<ChatWebhook> builder)
    {
        builder.Property(w => w.Channel).HasMaxLength(ChatWebhook.ChannelMaxLength);
        builder.Property(w => w.ProtectedAddress).HasMaxLength(4000);
        builder.Property(w => w.MaskedAddress).HasMaxLength(200);
        builder.HasIndex(w => w.TeamId);
        builder.HasOne(w => w.Team).WithMany().HasForeignKey(w => w.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.ConnectedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChatPostConfiguration : IEntityTypeConfiguration<ChatPost>
{
    public void Configure(EntityTypeBuilder<ChatPost> builder)
    {
        builder.Property(p => p.LeaseOwner).HasMaxLength(64);
        builder.Property(p => p.LastError).HasMaxLength(ChatPost.LastErrorMaxLength);
        // The worker's question (unsent, due, oldest first) and the Admins' log (newest first).
        builder.HasIndex(p => new { p.SentAt, p.GaveUpAt, p.NextAttemptAt, p.Id });
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => p.WebhookId);
        builder.HasIndex(p => p.StoryId);
        builder.HasOne(p => p.Webhook).WithMany().HasForeignKey(p => p.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Story).WithMany().HasForeignKey(p => p.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
