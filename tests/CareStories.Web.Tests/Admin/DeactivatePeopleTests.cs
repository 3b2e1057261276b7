using System.Net;
using AngleSharp.Dom;
using CareStories.Domain.People;
using CareStories.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Tests.Admin;

public sealed class DeactivatePeopleTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Deactivated_person_cannot_sign_in_whatever_the_password()
    {
        var leaver = await factory.Data.PersonAsync();
        var admin = await SignInAsAdminAsync();
        await DeactivateAsync(admin, leaver);

        foreach (var password in new[] { leaver.Password, "not the password at all 2026" })
        {
            var client = factory.CreateBrowserClient();
            var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
            {
                ["Input.Email"] = leaver.Email,
                ["Input.Password"] = password,
            });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Contains(page.SummaryErrors(), e => e.Contains("not active", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Deactivated_persons_existing_session_stops_working_after_a_minute()
    {
        var leaver = await factory.Data.PersonAsync();
        var session = await factory.SignInAsync(leaver);
        await session.GetAsync("/Stories").ShouldBeAsync(HttpStatusCode.OK);
        var admin = await SignInAsAdminAsync();

        await DeactivateAsync(admin, leaver);
        factory.Clock.Advance(PastTheCheck);

        (await session.GetAsync("/Stories")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Reactivated_person_signs_in_again_and_the_list_says_who_is_deactivated()
    {
        var leaver = await factory.Data.PersonAsync();
        var admin = await SignInAsAdminAsync();
        await DeactivateAsync(admin, leaver);

        var list = await admin.GetDocumentAsync("/Admin/People?q=" + Uri.EscapeDataString(leaver.Email));
        Assert.Equal("Deactivated", list.QuerySelector($"tr[data-person-id='{leaver.Id}'] [data-deactivated]")?.TextContent.Trim());

        var reactivated = await admin.SubmitFormAsync($"/Admin/People/Edit/{leaver.Id}", new(), "form#reactivate-person");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        await factory.SignInAsync(leaver);
    }

    [Fact]
    public async Task Deactivated_person_leaves_the_heroes_picker_and_thank_you_link_choices()
    {
        var leaver = await factory.Data.PersonAsync();
        var stayer = await factory.Data.PersonAsync();
        var admin = await SignInAsAdminAsync();
        await DeactivateAsync(admin, leaver);

        var storyForm = await admin.GetDocumentAsync("/Stories/New");
        var thanksForm = await admin.GetDocumentAsync("/Thanks/New");

        Assert.NotNull(storyForm.QuerySelector($"input[name='Input.Heroes'][value='{stayer.Id}']"));
        Assert.Null(storyForm.QuerySelector($"input[name='Input.Heroes'][value='{leaver.Id}']"));
        Assert.NotNull(thanksForm.QuerySelector($"option[value='person:{stayer.Id}']"));
        Assert.Null(thanksForm.QuerySelector($"option[value='person:{leaver.Id}']"));
    }

    [Fact]
    public async Task Deactivated_persons_published_story_still_shows_them_by_name()
    {
        var leaver = await factory.Data.PersonAsync();
        var hero = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [leaver]);
        var storyId = await factory.Data.StoryAsync(leaver, team, s =>
        {
            s.SetHeroes([hero.Id]);
            s.Submit(leaver.Id, factory.Clock.GetUtcNow());
            s.Publish(reviewer.Id, factory.Clock.GetUtcNow());
        });
        var admin = await SignInAsAdminAsync();
        await DeactivateAsync(admin, leaver);
        await DeactivateAsync(admin, hero);

        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var response = await reader.GetAsync($"/Stories/{storyId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.ReadDocumentAsync()).Body!.TextContent;
        Assert.Contains(leaver.DisplayName, text, StringComparison.Ordinal);
        Assert.Contains(hero.DisplayName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_person_asking_for_a_password_reset_gets_no_mail_and_the_same_answer_as_anyone()
    {
        var leaver = await factory.Data.PersonAsync();
        var stayer = await factory.Data.PersonAsync();
        var admin = await SignInAsAdminAsync();
        await DeactivateAsync(admin, leaver);
        var client = factory.CreateBrowserClient();

        var deactivated = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = leaver.Email });
        var unknown = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@" + CareStoriesFactory.EmailDomain });
        var active = await client.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = stayer.Email });

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(deactivated.Headers.Location, unknown.Headers.Location);
        Assert.Equal(deactivated.Headers.Location, active.Headers.Location);
        // The mail queue sends in order: once the active person's message is written, the leaver's would have been.
        Assert.Single(await Mailbox.WaitForMessagesToAsync(factory.MailFolder, stayer.Email));
        Assert.Empty(Mailbox.MessagesTo(factory.MailFolder, leaver.Email));
    }

    [Fact]
    public async Task Non_admin_cannot_deactivate_anyone()
    {
        var target = await factory.Data.PersonAsync();
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        // A valid token of their own, so only the authorization can refuse the post.
        var page = await manager.GetDocumentAsync("/Stories");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[action*='Logout'] input[name='__RequestVerificationToken']")!.Value;

        var response = await manager.PostAsync($"/Admin/People/Edit/{target.Id}?handler=Deactivate",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirm", "true")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await manager.GetAsync($"/Admin/People/Edit/{target.Id}").ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(p => p.Id == target.Id && p.DeactivatedAt == null)));
    }

    [Fact]
    public async Task Admin_cannot_deactivate_themselves()
    {
        var me = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var admin = await factory.SignInAsync(me);
        var page = await admin.GetDocumentAsync($"/Admin/People/Edit/{me.Id}");
        Assert.Null(page.QuerySelector("form#deactivate-person"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form#edit-person input[name='__RequestVerificationToken']")!.Value;

        var response = await admin.PostAsync($"/Admin/People/Edit/{me.Id}?handler=Deactivate",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirm", "true")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).SummaryErrors(), e => e.Contains("cannot deactivate yourself", StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(p => p.Id == me.Id && p.DeactivatedAt == null)));
    }

    [Fact]
    public async Task Deactivating_needs_the_confirmation()
    {
        var target = await factory.Data.PersonAsync();
        var admin = await SignInAsAdminAsync();

        var response = await admin.SubmitFormAsync($"/Admin/People/Edit/{target.Id}", new(), "form#deactivate-person");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(p => p.Id == target.Id && p.DeactivatedAt == null)));
    }

    private async Task<HttpClient> SignInAsAdminAsync() =>
        await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    private async Task DeactivateAsync(HttpClient admin, TestPerson person)
    {
        var response = await admin.SubmitFormAsync($"/Admin/People/Edit/{person.Id}", new() { ["confirm"] = "true" }, "form#deactivate-person");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(p => p.Id == person.Id && p.DeactivatedAt != null)));
    }
}
