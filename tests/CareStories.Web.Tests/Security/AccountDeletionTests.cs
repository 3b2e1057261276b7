using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Security;

public sealed class AccountDeletionTests(RealPasswordsFactory factory) : IClassFixture<RealPasswordsFactory>
{
    [Fact]
    public async Task Person_credited_in_stories_cannot_delete_their_own_account_and_gets_an_explanation_not_an_error()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        await factory.Data.StoryAsync(me, team);
        var client = await factory.SignInAsync(me);

        var response = await client.PostWithOwnTokenAsync("/Identity/Account/Manage/DeletePersonalData", new() { ["Input.Password"] = me.Password });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("administrator", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == me.Id)));
    }
}
