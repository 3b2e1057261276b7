using CareStories.Web;
using CareStories.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// Started without the environment it needs to stay within its memory, the app starts itself again with it (Linux only).
StartEnvironment.Apply(builder.Configuration);
builder.AddCareStories();

var app = builder.Build();
if (args is ["migrate", ..])
{
    // An operator's one-off step (docs: Run several instances): migrate, then exit without serving.
    await app.MigrateAndExitAsync();
    return;
}

if (args is ["make-admin", ..])
{
    // The first Admin of a new company's database (docs: README, Run it for your company).
    if (args is not ["make-admin", var email] || string.IsNullOrWhiteSpace(email))
    {
        await Console.Error.WriteLineAsync("Usage: dotnet CareStories.Web.dll make-admin person@example.com");
        Environment.ExitCode = 2;
        return;
    }

    Environment.ExitCode = await app.MakeAdminAsync(email);
    return;
}

await app.PrepareDatabaseAsync();
app.UseCareStories();
await app.RunAsync();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
