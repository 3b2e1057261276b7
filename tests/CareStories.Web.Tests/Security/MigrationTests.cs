namespace CareStories.Web.Tests.Security;

public sealed class MigrationTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var pending = await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The EF model has changed since the last migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task Every_migration_is_applied_at_start_up()
    {
        var (all, applied, pending) = await factory.WithDbAsync(async db => (
            db.Database.GetMigrations().ToList(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.NotEmpty(all);
        Assert.Empty(pending);
        Assert.Equal(all, applied);
    }
}
