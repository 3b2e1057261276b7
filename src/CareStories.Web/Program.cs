using CareStories.Web;
using CareStories.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCareStories();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCareStories();
await app.RunAsync();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
