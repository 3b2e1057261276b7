using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outcome = CareStories.Web.Infrastructure.MakeAdminCommand.Outcome;

namespace CareStories.Web.Tests.Admin;

/// <summary>
/// <c>make-admin EMAIL</c>, the first Admin of a new company's database: what it grants and what it refuses. The
/// command's process (exit codes, usage) is tested in the scale-out tests, which run the built app.
/// </summary>
public sealed class MakeAdminCommandTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private async Task<(Outcome Outcome, string? PersonId)> MakeAdminAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await MakeAdminCommand.GrantAsync(scope.ServiceProvider, email);
    }

    [Fact]
    public async Task Make_admin_lets_an_existing_employee_into_Admin_once_they_sign_in_again()
    {
        var person = await factory.Data.PersonAsync(Roles.Employee);
        var before = await factory.SignInAsync(person);
        Assert.Equal(HttpStatusCode.Forbidden, (await before.GetAsync("/Admin")).StatusCode);

        // As an operator types it: any capitals, a stray space.
        var (outcome, id) = await MakeAdminAsync($" {person.Email.ToUpperInvariant()} ");

        Assert.Equal(Outcome.Granted, outcome);
        Assert.Equal(person.Id, id);
        Assert.Equal(0, MakeAdminCommand.ExitCode(outcome));
        var after = await factory.SignInAsync(person);
        await after.GetAsync("/Admin").ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == person.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Employee))));
    }

    [Fact]
    public async Task Make_admin_renews_the_persons_security_stamp_so_an_open_session_is_checked_again()
    {
        var person = await factory.Data.PersonAsync(Roles.Employee);
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.SecurityStamp).SingleAsync());

        await MakeAdminAsync(person.Email);

        Assert.NotEqual(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task Make_admin_refuses_an_address_with_no_account_and_creates_none()
    {
        var email = $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}";
        var people = await factory.WithDbAsync(db => db.Users.CountAsync());

        var (outcome, id) = await MakeAdminAsync(email);

        Assert.Equal(Outcome.NoSuchAccount, outcome);
        Assert.Null(id);
        Assert.Equal(1, MakeAdminCommand.ExitCode(outcome));
        Assert.Equal(people, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Make_admin_refuses_a_deactivated_account_and_leaves_its_roles_alone()
    {
        var person = await factory.Data.PersonAsync(Roles.Employee);
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var leaver = await users.FindByIdAsync(person.Id);
            leaver!.Deactivate(admin.Id, factory.Clock.GetUtcNow());
            Assert.True((await users.UpdateAsync(leaver)).Succeeded);
        }

        var (outcome, _) = await MakeAdminAsync(person.Email);

        Assert.Equal(Outcome.Deactivated, outcome);
        Assert.Equal(1, MakeAdminCommand.ExitCode(outcome));
        await using var check = factory.Services.CreateAsyncScope();
        var roles = await check.ServiceProvider.GetRequiredService<UserManager<Person>>().GetRolesAsync((await check.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByIdAsync(person.Id))!);
        Assert.Equal([Roles.Employee], roles);
    }

    [Fact]
    public async Task Make_admin_on_an_admin_changes_nothing_and_succeeds()
    {
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.SecurityStamp).SingleAsync());

        var (outcome, _) = await MakeAdminAsync(admin.Email);

        Assert.Equal(Outcome.AlreadyAdmin, outcome);
        Assert.Equal(0, MakeAdminCommand.ExitCode(outcome));
        Assert.Equal(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.SecurityStamp).SingleAsync()));
    }
}
