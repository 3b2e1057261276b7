using CareStories.Domain.Freshness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("ChangeStamps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The row exists from the migration on, so a save can renew it without reading it first.
        builder.HasData(new ChangeStamp(ChangeStamp.SharedContentId, 1));
    }
}
