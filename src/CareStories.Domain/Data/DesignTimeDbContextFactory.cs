using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareStories.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CareStoriesDbContext>
{
    public CareStoriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CareStoriesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
