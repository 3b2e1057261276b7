using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// <c>dotnet CareStories.Web.dll make-admin EMAIL</c>: gives an existing, active account the Admin role and stops. A new
/// company's database has no Admin (the demo data is written only where Demo:Seed is on), and only an Admin can give
/// roles in the app (Admin → People), so the first one is made by whoever runs the app: the person creates their account
/// (Create an account), the operator runs this, and the person signs in again. It refuses an address with no account
/// or a deactivated one rather than create or revive anything.
/// </summary>
public static class MakeAdminCommand
{
    public enum Outcome
    {
        Granted,
        AlreadyAdmin,
        NoSuchAccount,
        Deactivated,
    }

    /// <summary>What the command did, as an exit code: 0 when the account is an Admin afterwards, 1 otherwise.</summary>
    public static int ExitCode(Outcome outcome) => outcome is Outcome.Granted or Outcome.AlreadyAdmin ? 0 : 1;

    /// <summary>Brings the database up to date (as <c>migrate</c> does), then gives the Admin role; the exit code for the shell.</summary>
    public static async Task<int> MakeAdminAsync(this WebApplication app, string email)
    {
        await app.MigrateAndExitAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MakeAdminCommand));
        var (outcome, personId) = await GrantAsync(scope.ServiceProvider, email);
        // The operator typed the address: the log names the account by its id only.
        switch (outcome)
        {
            case Outcome.Granted:
                logger.LogWarning("Admin role given to person {PersonId}. They sign in again to use it.", personId);
                break;
            case Outcome.AlreadyAdmin:
                logger.LogWarning("Person {PersonId} is already an Admin: nothing changed.", personId);
                break;
            case Outcome.NoSuchAccount:
                logger.LogError("No account has that email address. The person creates one first (Create an account on the sign-in page), then run this again.");
                break;
            case Outcome.Deactivated:
                logger.LogError("Person {PersonId} is deactivated: nothing changed. Reactivate them first, or choose an active account.", personId);
                break;
        }

        return ExitCode(outcome);
    }

    /// <summary>
    /// Gives the account with <paramref name="email"/> the Admin role, beside the roles it has. A new security stamp
    /// makes any session of theirs be checked again, so the new role is picked up at their next sign-in or check.
    /// </summary>
    public static async Task<(Outcome Outcome, string? PersonId)> GrantAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<Person>>();
        var person = await users.FindByEmailAsync(email.Trim());
        if (person is null)
        {
            return (Outcome.NoSuchAccount, null);
        }

        if (!person.IsActive)
        {
            return (Outcome.Deactivated, person.Id);
        }

        if (await users.IsInRoleAsync(person, Roles.Admin))
        {
            return (Outcome.AlreadyAdmin, person.Id);
        }

        Check(await users.AddToRoleAsync(person, Roles.Admin));
        Check(await users.UpdateSecurityStampAsync(person));
        return (Outcome.Granted, person.Id);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The Admin role could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
