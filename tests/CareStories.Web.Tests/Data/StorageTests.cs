namespace CareStories.Web.Tests.Data;

/// <summary>What both databases must store alike: instants in UTC, whatever offset they were made with.</summary>
public sealed class StorageTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task An_instant_made_in_another_time_zone_is_stored_and_compared_as_the_same_instant_in_UTC()
    {
        var inParis = new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(1));
        var email = $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}";
        await factory.WithDbAsync(async db =>
        {
            db.Users.Add(new Person(email, TestData.Unique("Zoned"), null, inParis));
            await db.SaveChangesAsync();
        });

        var stored = await factory.WithDbAsync(db => db.Users.Where(p => p.Email == email).Select(p => p.CreatedAt).SingleAsync());
        var sameInstant = await factory.WithDbAsync(db => db.Users.CountAsync(p => p.Email == email && p.CreatedAt == inParis.ToUniversalTime()));
        var comparedInItsZone = await factory.WithDbAsync(db => db.Users.CountAsync(p => p.Email == email && p.CreatedAt >= inParis));

        Assert.Equal(inParis, stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(1, sameInstant);
        Assert.Equal(1, comparedInItsZone);
    }
}
