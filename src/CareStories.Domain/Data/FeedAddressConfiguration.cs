using CareStories.Domain.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStories.Domain.Data;

internal sealed class FeedAddressConfiguration : IEntityTypeConfiguration<FeedAddress>
{
    public void Configure(EntityTypeBuilder<FeedAddress> builder)
    {
        builder.HasKey(f => f.PersonId);
        builder.Property(f => f.SecretHash).HasMaxLength(64).IsRequired();
        // The feed is read by the secret's hash: one seek, and no two people can share an address.
        builder.HasIndex(f => f.SecretHash).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
