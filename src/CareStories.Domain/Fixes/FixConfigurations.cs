using CareStories.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Fixes;

internal sealed class FixConfiguration : IEntityTypeConfiguration<Fix>
{
    public void Configure(EntityTypeBuilder<Fix> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(Fix.TitleMaxLength).IsRequired();
        builder.Property(f => f.Change).HasMaxLength(Fix.ChangeMaxLength).IsRequired();
        builder.Property(f => f.WhatChanged).HasMaxLength(Fix.WhatChangedMaxLength);
        builder.Property(f => f.DeclineReason).HasMaxLength(Fix.ReasonMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.DomainEvents);

        // The list pages newest raised first by key, filtered by team, status, owner or who raised it; the overdue
        // filter reads open fixes by target date; the feed and a person's record read done ones by when.
        builder.HasIndex(f => new { f.RaisedAt, f.Id });
        builder.HasIndex(f => new { f.TeamId, f.Status, f.RaisedAt });
        builder.HasIndex(f => new { f.Status, f.TargetDate });
        builder.HasIndex(f => new { f.Status, f.DoneAt, f.Id });
        builder.HasIndex(f => new { f.OwnerId, f.RaisedAt });
        builder.HasIndex(f => new { f.RaisedById, f.RaisedAt });

        builder.HasOne(f => f.Team).WithMany().HasForeignKey(f => f.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Owner).WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.RaisedBy).WithMany().HasForeignKey(f => f.RaisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Stories).WithOne().HasForeignKey(s => s.FixId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Credits).WithOne().HasForeignKey(c => c.FixId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.History).WithOne().HasForeignKey(h => h.FixId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Fix.Stories), nameof(Fix.Credits), nameof(Fix.History) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class FixStoryConfiguration : IEntityTypeConfiguration<FixStory>
{
    public void Configure(EntityTypeBuilder<FixStory> builder)
    {
        builder.HasKey(s => new { s.FixId, s.StoryId });
        // A story's page lists its fixes.
        builder.HasIndex(s => s.StoryId);
        builder.HasOne(s => s.Story).WithMany().HasForeignKey(s => s.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FixCreditConfiguration : IEntityTypeConfiguration<FixCredit>
{
    public void Configure(EntityTypeBuilder<FixCredit> builder)
    {
        builder.HasKey(c => new { c.FixId, c.PersonId });
        // A person's record lists the fixes they are credited with.
        builder.HasIndex(c => c.PersonId);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FixChangeConfiguration : IEntityTypeConfiguration<FixChange>
{
    public void Configure(EntityTypeBuilder<FixChange> builder)
    {
        builder.ToTable("FixHistory");
        builder.Property(h => h.Note).HasMaxLength(Fix.ChangeMaxLength);
        builder.HasIndex(h => new { h.FixId, h.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FixCelebrationConfiguration : IEntityTypeConfiguration<FixCelebration>
{
    public void Configure(EntityTypeBuilder<FixCelebration> builder)
    {
        builder.Property(c => c.Message).HasMaxLength(CelebrationRules.MessageMaxLength).IsRequired();
        builder.Ignore(c => c.DomainEvents);
        builder.HasOne<Fix>().WithMany().HasForeignKey(c => c.FixId).OnDelete(DeleteBehavior.Cascade);
        // Each person celebrates a fix once, even when two requests race.
        builder.HasIndex(c => new { c.FixId, c.CelebratorId }).IsUnique();
        builder.HasIndex(c => c.CelebratorId);
        builder.HasIndex(c => c.BadgeId);
        builder.HasOne(c => c.Celebrator).WithMany().HasForeignKey(c => c.CelebratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Badge).WithMany().HasForeignKey(c => c.BadgeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryRepeatConfiguration : IEntityTypeConfiguration<StoryRepeat>
{
    public void Configure(EntityTypeBuilder<StoryRepeat> builder)
    {
        // One per story: the key is the rule.
        builder.HasKey(r => r.StoryId);
        builder.HasIndex(r => r.RepeatOfStoryId);
        builder.HasOne<Story>().WithOne().HasForeignKey<StoryRepeat>(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Story>().WithMany().HasForeignKey(r => r.RepeatOfStoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.MarkedById).OnDelete(DeleteBehavior.Restrict);
    }
}
