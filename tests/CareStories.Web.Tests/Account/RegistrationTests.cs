using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Account;

public sealed class RegistrationTests(RealPasswordsFactory factory) : IClassFixture<RealPasswordsFactory>
{
    private const string RegisterUrl = "/Identity/Account/Register";
    private const string GoodPassword = "four unrelated words here";

    [Fact]
    public async Task Registering_with_a_company_address_creates_an_employee_and_mails_a_confirmation_link()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/Identity/Account/RegisterConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var person = await FindAsync(email);
        Assert.NotNull(person);
        Assert.Equal(name, person.DisplayName);
        Assert.False(person.EmailConfirmed);
        Assert.Equal([Roles.Employee], await RolesOfAsync(person));
        var mail = Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email));
        Assert.Contains("Subject: Confirm your CareStories account", mail.Headers, StringComparison.Ordinal);
        Assert.Contains(name, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(mail.Links, link => link.Contains("/Identity/Account/ConfirmEmail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Following_the_link_in_the_confirmation_mail_confirms_the_account_and_allows_sign_in()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword)).ShouldBeAsync(HttpStatusCode.Redirect);

        // AngleSharp decodes the href as a browser would ("&amp;" becomes "&").
        var link = new Uri(Assert.Single(Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email)).Links));
        Assert.Equal("/Identity/Account/ConfirmEmail", link.AbsolutePath);
        var confirmation = await client.GetDocumentAsync(link.PathAndQuery);

        Assert.Contains("Thank you for confirming your email", confirmation.Body!.TextContent, StringComparison.Ordinal);
        Assert.True((await FindAsync(email))!.EmailConfirmed);
        var person = (await FindAsync(email))!;
        var signedIn = await factory.SignInAsync(new TestPerson(person.Id, email, GoodPassword, name));
        var home = await signedIn.GetDocumentAsync("/");
        Assert.Contains(name, home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_the_confirmation_link_twice_says_it_is_already_done_and_leads_to_sign_in()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword)).ShouldBeAsync(HttpStatusCode.Redirect);
        // Mail is queued and sent just after the request: wait for it as a person would.
        var link = new Uri(Assert.Single(Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email)).Links));
        await client.GetDocumentAsync(link.PathAndQuery);

        var again = await client.GetDocumentAsync(link.PathAndQuery);

        Assert.Contains("already confirmed", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("main a[href^='/Identity/Account/Login']"));
    }

    [Fact]
    public async Task The_check_your_email_page_offers_the_next_step()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        var registered = await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword));

        var page = await client.GetDocumentAsync(registered.Headers.Location!.OriginalString);

        // The page names no address: it looks the same whether the address was new or taken (no enumeration).
        Assert.DoesNotContain(email, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Follow the link", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href^='/Identity/Account/Login']"));
    }

    [Fact]
    public async Task A_confirmation_link_with_a_tampered_code_does_not_confirm()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword)).ShouldBeAsync(HttpStatusCode.Redirect);
        var person = (await FindAsync(email))!;

        await client.GetAsync($"/Identity/Account/ConfirmEmail?userId={person.Id}&code=bm90LWEtcmVhbC1jb2Rl");

        Assert.False((await FindAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task An_address_outside_the_company_domains_is_refused_next_to_the_email_and_keeps_the_name()
    {
        var name = TestData.Unique("Outsider");
        var email = $"{Guid.NewGuid():N}@elsewhere.example";
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        var error = Assert.Single(page.FieldErrors("Input.Email"));
        Assert.Contains("@" + CareStoriesFactory.EmailDomain, error, StringComparison.Ordinal);
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal(email, page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Null(await FindAsync(email));
        Assert.Empty(Mailbox.MessagesTo(factory.MailFolder, email));
    }

    [Fact]
    public async Task A_look_alike_domain_is_refused()
    {
        var (_, name) = NewApplicant();
        var email = $"{Guid.NewGuid():N}@evil{CareStoriesFactory.EmailDomain}";
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotEmpty((await response.ReadDocumentAsync()).FieldErrors("Input.Email"));
        Assert.Null(await FindAsync(email));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("PASSWORD1234")]
    public async Task A_common_password_is_refused_next_to_the_password(string password)
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, password));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("commonly used passwords", Assert.Single(page.FieldErrors("Input.Password")), StringComparison.Ordinal);
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Null(await FindAsync(email));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(129)]
    public async Task A_password_shorter_than_12_or_longer_than_128_characters_is_refused(int length)
    {
        var (email, name) = NewApplicant();
        var password = string.Concat(Enumerable.Repeat("abcdefghij", 13))[..length];
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, password));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("12 to 128 characters", Assert.Single(page.FieldErrors("Input.Password")), StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(128)]
    public async Task Passwords_of_12_and_128_characters_are_accepted(int length)
    {
        var (email, name) = NewApplicant();
        var password = string.Concat(Enumerable.Repeat("tram lemon x", 11))[..length];
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, email, password));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.NotNull(await FindAsync(email));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_gets_the_same_answer_and_its_owner_is_told_whatever_its_case()
    {
        var existing = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        var name = TestData.Unique("Second");

        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, existing.Email.ToUpperInvariant(), GoodPassword));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/Identity/Account/RegisterConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, existing.Email));
        Assert.Contains("Someone tried to create a CareStories account", mail.Headers, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.Links, link => link.Contains("ConfirmEmail", StringComparison.Ordinal));
        var owner = await FindAsync(existing.Email);
        Assert.Equal(existing.Id, owner!.Id);
        Assert.Equal(existing.DisplayName, owner.DisplayName);
    }

    [Fact]
    public async Task A_password_that_is_the_persons_own_email_or_name_is_refused()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();

        var asEmail = await client.SubmitFormAsync(RegisterUrl, Form(name, email, email));
        var asName = await client.SubmitFormAsync(RegisterUrl, Form(name, email, name.ToUpperInvariant() + "!"));

        foreach (var response in new[] { asEmail, asName })
        {
            await response.ShouldBeAsync(HttpStatusCode.OK);
            var error = Assert.Single((await response.ReadDocumentAsync()).FieldErrors("Input.Password"));
            Assert.Contains("cannot be your email address or your name", error, StringComparison.Ordinal);
        }

        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Spaces_around_the_email_are_ignored_and_the_next_page_finds_the_account()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();

        // Browsers trim type=email fields themselves; other clients may not.
        var response = await client.SubmitFormAsync(RegisterUrl, Form(name, "  " + email + " ", GoodPassword));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        await client.GetAsync(response.Headers.Location).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(email, (await FindAsync(email))?.Email);
        Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email));
    }

    [Fact]
    public async Task Passwords_that_differ_are_refused_next_to_the_second_one()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        var form = Form(name, email, GoodPassword);
        form["Input.ConfirmPassword"] = GoodPassword + " typo";

        var response = await client.SubmitFormAsync(RegisterUrl, form);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotEmpty((await response.ReadDocumentAsync()).FieldErrors("Input.ConfirmPassword"));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task An_unconfirmed_account_cannot_sign_in_and_is_told_to_confirm()
    {
        var (email, name) = NewApplicant();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync(RegisterUrl, Form(name, email, GoodPassword)).ShouldBeAsync(HttpStatusCode.Redirect);

        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = GoodPassword,
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Confirm your email address", string.Join(" ", page.SummaryErrors()), StringComparison.Ordinal);
        Assert.DoesNotContain(name, page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        (await client.GetAsync("/Identity/Account/Manage")).ShouldRedirectToSignIn();
    }

    private static (string Email, string Name) NewApplicant()
    {
        var name = TestData.Unique("Applicant");
        return ($"{name.Replace(' ', '.').ToLowerInvariant()}@{CareStoriesFactory.EmailDomain}", name);
    }

    private static FormValues Form(string name, string email, string password) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private Task<Person?> FindAsync(string email) => WithUsersAsync(users => users.FindByEmailAsync(email));

    private Task<IList<string>> RolesOfAsync(Person person) =>
        WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByIdAsync(person.Id))!));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<Person>, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<Person>>());
    }
}
