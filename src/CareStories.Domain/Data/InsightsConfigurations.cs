using CareStories.Domain.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class ManagerNudgeConfiguration : IEntityTypeConfiguration<ManagerNudge>
{
    public void Configure(EntityTypeBuilder<ManagerNudge> builder)
    {
        builder.ToTable("ManagerNudges");
        // The key that makes the weekly nudge happen once per manager and week, whatever runs it.
        builder.HasIndex(n => new { n.ManagerId, n.WeekOf }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.ManagerId).OnDelete(DeleteBehavior.Cascade);
    }
}
