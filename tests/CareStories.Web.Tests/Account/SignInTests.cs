namespace CareStories.Web.Tests.Account;

public sealed class SignInTests(RealPasswordsFactory factory) : IClassFixture<RealPasswordsFactory>
{
    [Fact]
    public async Task Person_signs_in_through_the_sign_in_page_and_sees_their_name()
    {
        var person = await factory.Data.PersonAsync();

        var client = await factory.SignInAsync(person);

        var home = await client.GetDocumentAsync("/");
        Assert.Contains(person.DisplayName, home.QuerySelector("header")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_my_stories()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/Stories");

        response.ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Wrong_password_says_so_next_to_the_form_and_keeps_the_email()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = "not the right password at all",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("do not match", string.Join(" ", page.SummaryErrors()));
        Assert.Equal(person.Email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
    }
}
