using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Account;

/// <summary>Counts password hash checks, to see that a sign-in with an unknown address spends one as a real one does.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Person>
{
    private readonly PasswordHasher<Person> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Person user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherFactory : CareStoriesFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<Person>>(Hasher));
    }
}

/// <summary>Every account page answers the same whether or not an address has an account.</summary>
public sealed class AccountEnumerationTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    [Fact]
    public async Task Registration_confirmation_page_is_the_same_for_an_address_with_and_without_an_account()
    {
        var existing = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();

        var forExisting = await client.GetAsync("/Identity/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(existing.Email));
        var forUnknown = await client.GetAsync("/Identity/Account/RegisterConfirmation?email=nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain);

        await forExisting.ShouldBeAsync(HttpStatusCode.OK);
        await forUnknown.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(await MainTextAsync(forExisting), await MainTextAsync(forUnknown));
    }

    [Fact]
    public async Task Wrong_passwords_read_the_same_for_a_real_and_an_unknown_address_up_to_and_past_the_lockout()
    {
        var existing = await factory.Data.PersonAsync();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain;

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var real = await SignInErrorsAsync(existing.Email, "not the right password at all");
            var none = await SignInErrorsAsync(unknown, "not the right password at all");

            Assert.Equal(real, none);
            Assert.Equal(attempt >= 5, real.Contains("locked", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_address_checks_a_password_hash_as_a_real_one_does()
    {
        var before = factory.Hasher.Verifications;

        await SignInErrorsAsync("nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain, "some password or other");

        Assert.Equal(before + 1, factory.Hasher.Verifications);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_reads_as_no_account()
    {
        var unconfirmed = await factory.Data.PersonAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = (await users.FindByIdAsync(unconfirmed.Id))!;
            person.EmailConfirmed = false;
            await users.UpdateAsync(person);
        }

        var errors = await SignInErrorsAsync(unconfirmed.Email, "not the right password at all");

        Assert.Equal(await SignInErrorsAsync("nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain, "x y z w v u t"), errors);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_a_real_and_an_unknown_address()
    {
        var existing = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();

        var real = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = existing.Email });
        var none = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain });

        Assert.Equal(real.StatusCode, none.StatusCode);
        Assert.Equal(real.Headers.Location, none.Headers.Location);
        Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, existing.Email));
    }

    private async Task<string> SignInErrorsAsync(string email, string password)
    {
        var response = await factory.CreateBrowserClient().SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return string.Join(" | ", (await response.ReadDocumentAsync()).SummaryErrors());
    }

    private static async Task<string> MainTextAsync(HttpResponseMessage response) =>
        (await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent.Trim();
}
