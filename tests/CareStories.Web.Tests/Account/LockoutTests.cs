using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Account;

public sealed class LockoutTests(RealPasswordsFactory factory) : IClassFixture<RealPasswordsFactory>
{
    [Fact]
    public async Task Lockout_after_repeated_failed_sign_ins_really_happens()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(client, person.Email, $"wrong password number {attempt}").ShouldBeAsync(HttpStatusCode.OK);
        }

        var response = await SignInAsync(client, person.Email, person.Password);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("This account is locked for 15 minutes", string.Join(" ", page.SummaryErrors()), StringComparison.Ordinal);
        Assert.True(await IsLockedOutAsync(person));
        (await client.GetAsync("/Identity/Account/Manage")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task The_owner_of_an_account_a_stranger_locked_gets_back_in_at_once_through_the_emailed_reset_link()
    {
        var person = await factory.Data.PersonAsync();
        var stranger = factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(stranger, person.Email, $"wrong password number {attempt}").ShouldBeAsync(HttpStatusCode.OK);
        }

        Assert.True(await IsLockedOutAsync(person));
        var owner = factory.CreateBrowserClient();
        await owner.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = person.Email }).ShouldBeAsync(HttpStatusCode.Redirect);
        var link = new Uri(Assert.Single(Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, person.Email)).Links));
        const string newPassword = "a brand new long password";
        await owner.SubmitFormAsync(link.PathAndQuery, new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }, "main form[method=post]").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.False(await IsLockedOutAsync(person));
        await SignInAsync(owner, person.Email, newPassword).ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Four_failed_sign_ins_do_not_lock_and_the_right_password_still_works()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await SignInAsync(client, person.Email, $"wrong password number {attempt}");
            Assert.Contains("do not match", string.Join(" ", (await failed.ReadDocumentAsync()).SummaryErrors()), StringComparison.Ordinal);
        }

        var response = await SignInAsync(client, person.Email, person.Password);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.False(await IsLockedOutAsync(person));
    }

    [Fact]
    public async Task Locking_one_account_leaves_other_accounts_alone()
    {
        var locked = await factory.Data.PersonAsync();
        var other = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(client, locked.Email, "not the password at all");
        }

        var otherClient = await factory.SignInAsync(other);

        Assert.True(await IsLockedOutAsync(locked));
        Assert.False(await IsLockedOutAsync(other));
        await otherClient.GetAsync("/Identity/Account/Manage").ShouldBeAsync(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private async Task<bool> IsLockedOutAsync(TestPerson person)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(person.Id))!);
    }
}
