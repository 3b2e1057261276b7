using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Admin;

public sealed partial class PeopleAdminTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task People_list_finds_a_person_by_name_or_email_and_shows_teams_and_roles()
    {
        var client = await SignInAsAdminAsync();
        var person = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var teamId = await factory.Data.TeamAsync(managers: [person]);
        var teamName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync());

        var byName = await client.GetDocumentAsync("/Admin/People?q=" + Uri.EscapeDataString(person.DisplayName.ToLowerInvariant()));
        var byEmail = await client.GetDocumentAsync("/Admin/People?q=" + Uri.EscapeDataString(person.Email.Split('@')[0]));

        foreach (var page in new[] { byName, byEmail })
        {
            var row = Assert.Single(page.QuerySelectorAll("tr[data-person-id]"));
            Assert.Equal(person.Id, row.GetAttribute("data-person-id"));
            Assert.Contains(person.Email, row.TextContent);
            Assert.Equal($"{teamName} · manager", row.QuerySelector("[data-teams] .tag")!.TextContent.Trim());
            Assert.Equal(["Employee", "Leader"], row.QuerySelectorAll("[data-roles] .tag").Select(t => t.TextContent.Trim()));
        }

        Assert.Equal(person.DisplayName.ToLowerInvariant(), byName.QuerySelector<IHtmlInputElement>("main input[name=q]")!.Value);
    }

    [Fact]
    public async Task People_list_pages_through_many_people_and_keeps_the_search()
    {
        var client = await SignInAsAdminAsync();
        var tag = "Pager" + Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
            {
                db.Users.Add(new Person($"{tag}.{i:000}@{CareStoriesFactory.EmailDomain}", $"{tag} {i:000}", null, factory.Clock.GetUtcNow()));
            }

            await db.SaveChangesAsync();
        });

        var first = await client.GetDocumentAsync($"/Admin/People?q={tag}");
        var next = first.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        var third = await client.GetDocumentAsync(second.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(50, first.QuerySelectorAll("tr[data-person-id]").Length);
        Assert.Contains($"q={tag}", next, StringComparison.Ordinal);
        Assert.Contains($"{tag} 050", second.QuerySelector("tr[data-person-id]")!.TextContent);
        Assert.Equal(20, third.QuerySelectorAll("tr[data-person-id]").Length);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Contains("of 120", first.QuerySelector("[data-result-count]")!.TextContent);
    }

    [Fact]
    public async Task Admin_edits_a_persons_name_teams_and_roles_keeping_manager_flags()
    {
        var client = await SignInAsAdminAsync();
        var person = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var managedTeam = await factory.Data.TeamAsync(managers: [person]);
        var leftTeam = await factory.Data.TeamAsync(members: [person]);
        var joinedTeam = await factory.Data.TeamAsync();
        var values = new FormValues
        {
            ["Input.DisplayName"] = "  Renamed Person  ",
            ["Input.JobTitle"] = "Head of Kindness",
        };
        values.Set("Input.TeamIds", managedTeam.ToString(), joinedTeam.ToString());
        values.Set("Input.Roles", Roles.Employee, Roles.Leader);

        var response = await client.SubmitFormAsync($"/Admin/People/Edit/{person.Id}", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().Include(p => p.Memberships).SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("Renamed Person", "Head of Kindness"), (saved.DisplayName, saved.JobTitle));
        Assert.Equal(
            [(managedTeam, true), (joinedTeam, false)],
            saved.Memberships.OrderBy(m => m.TeamId).Select(m => (m.TeamId, m.IsManager)));
        Assert.Equal([Roles.Employee, Roles.Leader], (await RolesOfAsync(person.Id)).Order());
    }

    [Fact]
    public async Task Edit_page_shows_current_roles_and_teams_ticked()
    {
        var client = await SignInAsAdminAsync();
        var person = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var teamId = await factory.Data.TeamAsync(managers: [person]);

        var page = await client.GetDocumentAsync($"/Admin/People/Edit/{person.Id}");

        var ticked = page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Roles']").Where(i => i.IsChecked).Select(i => i.Value);
        Assert.Equal([Roles.Employee, Roles.Manager], ticked);
        Assert.True(page.QuerySelector<IHtmlInputElement>($"#team-{teamId}")!.IsChecked);
        Assert.Contains("manages this team", page.QuerySelector($"label[for='team-{teamId}']")!.TextContent);
        Assert.Contains("Reviews and celebrates", page.QuerySelector("label[for='role-Manager']")!.TextContent);
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var client = await factory.SignInAsync(admin);
        var values = new FormValues { ["Input.JobTitle"] = "Typed and kept" };
        values.Set("Input.Roles", Roles.Employee);

        var response = await client.SubmitFormAsync($"/Admin/People/Edit/{admin.Id}", values);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("cannot remove your own Admin role", Assert.Single(page.FieldErrors("Input.Roles")));
        Assert.Contains(page.SummaryErrors(), e => e.Contains("cannot remove your own Admin role", StringComparison.Ordinal));
        Assert.Equal("Typed and kept", page.QuerySelector<IHtmlInputElement>("#Input_JobTitle")!.Value);
        Assert.Contains(Roles.Admin, await RolesOfAsync(admin.Id));
        Assert.Equal("Tester", await factory.WithDbAsync(db => db.Users.Where(p => p.Id == admin.Id).Select(p => p.JobTitle).SingleAsync()));
    }

    [Fact]
    public async Task Admin_can_remove_another_admins_role()
    {
        var client = await SignInAsAdminAsync();
        var other = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var values = new FormValues();
        values.Set("Input.Roles", Roles.Employee);

        var response = await client.SubmitFormAsync($"/Admin/People/Edit/{other.Id}", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal([Roles.Employee], await RolesOfAsync(other.Id));
    }

    [Fact]
    public async Task Person_needs_a_name_and_at_least_one_role()
    {
        var client = await SignInAsAdminAsync();
        var person = await factory.Data.PersonAsync();
        var values = new FormValues { ["Input.DisplayName"] = "" };
        values.Set("Input.Roles");

        var response = await client.SubmitFormAsync($"/Admin/People/Edit/{person.Id}", values);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.DisplayName"));
        Assert.Contains("at least one role", Assert.Single(page.FieldErrors("Input.Roles")));
    }

    [Fact]
    public async Task Admin_adds_a_person_who_gets_a_set_password_email()
    {
        var client = await SignInAsAdminAsync();
        var teamId = await factory.Data.TeamAsync();
        var email = $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}";
        var values = new FormValues
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Newly Added",
            ["Input.JobTitle"] = "Apprentice",
        };
        values.Set("Input.Roles", Roles.Employee, Roles.Manager);
        values.Set("Input.TeamIds", teamId.ToString());

        var response = await client.SubmitFormAsync("/Admin/People/New", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var person = await factory.WithDbAsync(db => db.Users.AsNoTracking().Include(p => p.Memberships).SingleAsync(p => p.Email == email));
        Assert.True(person.EmailConfirmed);
        Assert.Null(person.PasswordHash);
        Assert.Equal(("Newly Added", "Apprentice"), (person.DisplayName, person.JobTitle));
        var membership = Assert.Single(person.Memberships);
        Assert.Equal((teamId, false), (membership.TeamId, membership.IsManager));
        Assert.Equal([Roles.Employee, Roles.Manager], (await RolesOfAsync(person.Id)).Order());

        // The email's link opens Identity's reset-password page, and the password chosen there signs them in.
        var link = SetPasswordLink(await MailToAsync(email));
        Assert.StartsWith("http://localhost/Identity/Account/ResetPassword?code=", link, StringComparison.Ordinal);
        var anonymous = factory.CreateBrowserClient();
        var reset = await anonymous.SubmitFormAsync(new Uri(link).PathAndQuery, new FormValues
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "my very own new password",
            ["Input.ConfirmPassword"] = "my very own new password",
        });
        await reset.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await factory.SignInAsync(new TestPerson(person.Id, email, "my very own new password", person.DisplayName));
    }

    [Fact]
    public async Task Admin_sends_the_set_password_link_again_to_someone_who_has_no_password()
    {
        var client = await SignInAsAdminAsync();
        var email = $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}";
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // An account made without a password, as "Add a person" makes them.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = new Person(email, "Lost Their Email", null, factory.Clock.GetUtcNow()) { EmailConfirmed = true };
            Assert.True((await users.CreateAsync(person)).Succeeded);
            id = person.Id;
        }

        var response = await client.SubmitFormAsync($"/Admin/People/Edit/{id}", new FormValues(), "form#send-password-link");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("/Identity/Account/ResetPassword?code=", SetPasswordLink(await MailToAsync(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_person_with_an_email_already_in_use_says_so_next_to_the_email()
    {
        var client = await SignInAsAdminAsync();
        var existing = await factory.Data.PersonAsync();

        var response = await client.SubmitFormAsync("/Admin/People/New", new FormValues
        {
            ["Input.Email"] = existing.Email.ToUpperInvariant(),
            ["Input.DisplayName"] = "Kept Name",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("already has an account", Assert.Single(page.FieldErrors("Input.Email")));
        Assert.Equal("Kept Name", page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#role-Employee")!.IsChecked);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(p => p.NormalizedEmail == existing.Email.ToUpperInvariant())));
    }

    [Fact]
    public async Task Adding_a_person_with_a_malformed_email_says_so_next_to_the_email()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.SubmitFormAsync("/Admin/People/New", new FormValues
        {
            ["Input.Email"] = "not an email",
            ["Input.DisplayName"] = "Someone",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter an email address like name@example.com.", Assert.Single(page.FieldErrors("Input.Email")));
    }

    [Fact]
    public async Task Editing_a_missing_person_is_not_found()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.GetAsync("/Admin/People/Edit/no-such-person");

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> SignInAsAdminAsync() =>
        await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    private async Task<IList<string>> RolesOfAsync(string personId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(personId))!);
    }

    /// <summary>The HTML part of the newest message to <paramref name="email"/>: the app sends mail just after the request.</summary>
    private async Task<string> MailToAsync(string email) =>
        (await Mailbox.WaitForMessagesToAsync(factory.MailFolder, email)).LastOrDefault()?.HtmlBody
            ?? throw new InvalidOperationException($"No mail to {email} in {factory.MailFolder}.");

    /// <summary>The link in the message's HTML body.</summary>
    private static string SetPasswordLink(string html)
    {
        var href = HrefPattern().Match(html);
        Assert.True(href.Success, "The email has no link.\n" + html);
        return System.Net.WebUtility.HtmlDecode(href.Groups[1].Value);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
