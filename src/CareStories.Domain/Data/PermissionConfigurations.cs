using CareStories.Domain.Permission;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class CharterVersionConfiguration : IEntityTypeConfiguration<CharterVersion>
{
    public void Configure(EntityTypeBuilder<CharterVersion> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(CharterVersion.TextMaxLength).IsRequired();
        // The current charter is the newest version: read on the home page and beside every story form.
        builder.HasIndex(c => new { c.WrittenAt, c.Id });
        builder.HasOne(c => c.WrittenBy).WithMany().HasForeignKey(c => c.WrittenById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MustFollowProcedureConfiguration : IEntityTypeConfiguration<MustFollowProcedure>
{
    public void Configure(EntityTypeBuilder<MustFollowProcedure> builder)
    {
        // One procedure per name, ignoring capitals in any alphabet: the column's collation compares, never ToUpper().
        builder.Property(p => p.Name).HasMaxLength(MustFollowProcedure.NameMaxLength).IsRequired().UseCollation(CareStoriesDbContext.CaseInsensitiveCollation);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Why).HasMaxLength(MustFollowProcedure.WhyMaxLength).IsRequired();
        builder.Property(p => p.Owner).HasMaxLength(MustFollowProcedure.OwnerMaxLength).IsRequired();
    }
}

internal sealed class EmpowermentLimitsConfiguration : IEntityTypeConfiguration<EmpowermentLimits>
{
    public void Configure(EntityTypeBuilder<EmpowermentLimits> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Currency).HasMaxLength(3).IsRequired();
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne<Catalogue.CareValue>().WithMany().HasForeignKey(l => l.RuleBentValueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsMany(l => l.TeamLimits, team =>
        {
            team.ToTable("TeamLimits");
            team.WithOwner().HasForeignKey("EmpowermentLimitsId");
            team.HasKey("EmpowermentLimitsId", nameof(TeamLimit.TeamId));
            team.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Navigation(l => l.TeamLimits).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BentRuleConfiguration : IEntityTypeConfiguration<BentRule>
{
    public void Configure(EntityTypeBuilder<BentRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(BentRule.NameMaxLength).IsRequired().UseCollation(CareStoriesDbContext.CaseInsensitiveCollation);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasIndex(r => r.ProcedureId);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.HasOne(r => r.Procedure).WithMany().HasForeignKey(r => r.ProcedureId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.NamedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.BentRuleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Stories).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RuleDecisionConfiguration : IEntityTypeConfiguration<RuleDecision>
{
    public void Configure(EntityTypeBuilder<RuleDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(RuleDecision.TextMaxLength).IsRequired();
        builder.Property(d => d.Owner).HasMaxLength(MustFollowProcedure.OwnerMaxLength);
        // A rule's decisions are read newest first.
        builder.HasIndex(d => new { d.BentRuleId, d.DecidedAt });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryLatitudeConfiguration : IEntityTypeConfiguration<StoryLatitude>
{
    public void Configure(EntityTypeBuilder<StoryLatitude> builder)
    {
        builder.HasKey(l => l.StoryId);
        builder.HasOne(l => l.Story).WithOne().HasForeignKey<StoryLatitude>(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.LimitCurrency).HasMaxLength(3);
        builder.Property(l => l.OverLimitReason).HasMaxLength(StoryLatitude.ReasonMaxLength);
        builder.Property(l => l.BentRuleWhy).HasMaxLength(StoryLatitude.WhyMaxLength);
        // "Rules we bent" groups stories by rule.
        builder.HasIndex(l => l.BentRuleId);
        builder.HasOne(l => l.BentRule).WithMany(r => r.Stories).HasForeignKey(l => l.BentRuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(l => l.LimitTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The spend ledger's index on stories, kept with the ledger's other configuration.</summary>
internal sealed class SpendLedgerStoryConfiguration : IEntityTypeConfiguration<Story>
{
    // The ledger reads counted stories by when they happened.
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.HasIndex(s => new { s.Status, s.OccurredOn });

        // The same, holding only stories with spend (a fifth of them in the benchmark's data): the ledger and Insights
        // ask for "spend is not null", so the database reads only those stories' rows rather than every story of the
        // period's, each a lookup in the largest table (41 → 10 ms for Insights' 12-month ledger lines).
        builder.HasIndex(s => new { s.Status, s.OccurredOn }, "IX_Stories_Status_OccurredOn_Spend")
            .HasFilter("\"SpendAmount\" IS NOT NULL");
    }
}
