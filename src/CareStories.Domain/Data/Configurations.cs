using CareStories.Domain.Catalogue;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
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
        builder.HasMany(p => p.Memberships).WithOne(m => m.Person).HasForeignKey(m => m.PersonId);
        builder.Navigation(p => p.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength).IsRequired();
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
        builder.Property(v => v.Name).HasMaxLength(CareValue.NameMaxLength).IsRequired();
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
        builder.Property(s => s.SpendCurrency).HasMaxLength(3);
        builder.Property(s => s.SpendPurpose).HasMaxLength(Story.SpendPurposeMaxLength);
        builder.Property(s => s.ReviewComment).HasMaxLength(StoryStatusChange.CommentMaxLength);
        builder.Ignore(s => s.Spend);
        builder.Ignore(s => s.IsEditable);

        builder.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // My stories lists by author and status, newest change first; the feed reads published stories by key.
        builder.HasIndex(s => new { s.AuthorId, s.UpdatedAt });
        builder.HasIndex(s => new { s.Status, s.PublishedAt, s.Id });

        builder.HasMany(s => s.Heroes).WithOne().HasForeignKey(h => h.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Teams).WithOne().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Quotes).WithOne().HasForeignKey(q => q.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.History).WithOne().HasForeignKey(h => h.StoryId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Story.Heroes), nameof(Story.Teams), nameof(Story.Values), nameof(Story.Quotes), nameof(Story.History) })
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
        builder.HasIndex(t => t.TeamId);
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
    }
}

internal sealed class StoryStatusChangeConfiguration : IEntityTypeConfiguration<StoryStatusChange>
{
    public void Configure(EntityTypeBuilder<StoryStatusChange> builder)
    {
        builder.Property(h => h.Comment).HasMaxLength(StoryStatusChange.CommentMaxLength);
        builder.HasIndex(h => new { h.StoryId, h.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
