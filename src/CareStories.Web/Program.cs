using CareStories.Web;
using CareStories.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
MallocArenas.Limit(builder.Configuration.GetValue("Memory:MallocArenas", 2));
builder.AddCareStories();

var app = builder.Build();
if (args is ["migrate", ..])
{
    // An operator's one-off step (docs: Run several instances): migrate, then exit without serving.
    await app.MigrateAndExitAsync();
    return;
}

await app.PrepareDatabaseAsync();
app.UseCareStories();
await app.RunAsync();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
