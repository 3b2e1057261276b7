using CareStories.Data.PostgreSQL;
using CareStories.Data.SQLite;
using Microsoft.EntityFrameworkCore.Design;

namespace CareStories.Data;

/// <summary>
/// Let `dotnet ef` build each provider's context without the web app (scripts/add-migration uses both). Neither
/// connects: adding a migration only compares the model with the provider's snapshot.
/// </summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteCareStoriesDbContext>
{
    public SqliteCareStoriesDbContext CreateDbContext(string[] args) =>
        (SqliteCareStoriesDbContext)CareStoriesDatabase.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresCareStoriesDbContext>
{
    public PostgresCareStoriesDbContext CreateDbContext(string[] args) =>
        (PostgresCareStoriesDbContext)CareStoriesDatabase.Create(DatabaseProvider.PostgreSQL, "Host=localhost;Database=carestories_design_time");
}
