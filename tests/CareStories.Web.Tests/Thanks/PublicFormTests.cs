namespace CareStories.Web.Tests.Thanks;

/// <summary>The app with a budget of thank-you posts no test class reaches (the limit has its own test).</summary>
public sealed class PublicFormFactory : CareStoriesFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:ThanksPostsPerMinute"] = "10000",
    };
}

/// <summary>The public thank-you form at /t/{token}: what a customer sees and what is kept, and how it stands up to abuse.</summary>
public sealed class PublicFormTests(PublicFormFactory factory) : IClassFixture<PublicFormFactory>
{
    private sealed record Thanked(TestPerson Person, TestPerson Manager, TestPerson OtherManager, MadeLink Link);

    private async Task<Thanked> ThankedPersonAsync()
    {
        var person = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Manager);
        var otherManager = await factory.Data.PersonAsync(Roles.Manager);
        await factory.Data.TeamAsync(members: [person], managers: [manager]);
        await factory.Data.TeamAsync(members: [person], managers: [otherManager]);
        return new Thanked(person, manager, otherManager, await factory.LinkAsync(person));
    }

    private static FormValues Words(string text = "You found my lost keys and drove them to my house.") => new()
    {
        ["Input.Text"] = text,
        ["Input.Naming"] = nameof(CustomerNaming.FullName),
        ["Input.CustomerName"] = "Rosa Diaz",
        ["Input.Consent"] = "true",
    };

    [Fact]
    public async Task Customer_says_thank_you_and_the_managers_of_the_persons_teams_are_told_but_not_the_person()
    {
        var thanked = await ThankedPersonAsync();
        var customer = factory.CreateBrowserClient();

        var form = await customer.GetDocumentAsync($"/t/{thanked.Link.Token}");
        Assert.Equal($"Say thank you to {thanked.Person.DisplayName}", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(form.QuerySelector("nav"));
        Assert.DoesNotContain("Sign in", form.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(thanked.Person.Email, form.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        var response = await customer.SubmitFormAsync($"/t/{thanked.Link.Token}", Words());

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/t/{thanked.Link.Token}/sent", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith("CareStories.Auth=", StringComparison.Ordinal));
        var sent = await customer.GetDocumentAsync($"/t/{thanked.Link.Token}/sent");
        Assert.Equal("Thank you!", sent.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Your words will reach {thanked.Person.DisplayName} once their manager has seen them.", sent.Body!.TextContent);

        var stored = Assert.Single(await factory.ThanksThroughAsync(thanked.Link));
        Assert.Equal("You found my lost keys and drove them to my house.", stored.Text);
        Assert.Equal(("Rosa Diaz", CustomerNaming.FullName), (stored.CustomerName, stored.Naming));
        Assert.Equal(thanked.Person.Id, stored.PersonId);
        var told = await factory.ThanksWaitingRecipientsAsync([thanked.Person.Id, thanked.Manager.Id, thanked.OtherManager.Id]);
        Assert.Equal(new[] { thanked.Manager.Id, thanked.OtherManager.Id }.Order(), told.Order());
    }

    [Fact]
    public async Task Thanks_for_a_team_reaches_its_managers_and_not_a_manager_who_is_thanked_through_a_team_link_of_their_own()
    {
        var manager = await factory.Data.PersonAsync(Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [member], managers: [manager]);
        var link = await factory.LinkAsync(manager, teamId: team);
        var customer = factory.CreateBrowserClient();

        var form = await customer.GetDocumentAsync($"/t/{link.Token}");
        Assert.Matches("^Say thank you to the Team .+ team$", form.QuerySelector("h1")!.TextContent.Trim());
        await customer.SubmitFormAsync($"/t/{link.Token}", Words()).ShouldBeAsync(HttpStatusCode.Redirect);

        var stored = Assert.Single(await factory.ThanksThroughAsync(link));
        Assert.Equal(team, stored.TeamId);
        Assert.Equal([manager.Id], await factory.ThanksWaitingRecipientsAsync([manager.Id, member.Id]));
    }

    [Fact]
    public async Task With_no_manager_to_decide_the_admins_are_told()
    {
        var loner = await factory.Data.PersonAsync();
        var admin = await factory.Data.PersonAsync(Roles.Admin);
        var link = await factory.LinkAsync(loner);

        await factory.CreateBrowserClient().SubmitFormAsync($"/t/{link.Token}", Words()).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains(admin.Id, await factory.ThanksWaitingRecipientsAsync([admin.Id, loner.Id]));
        Assert.DoesNotContain(loner.Id, await factory.ThanksWaitingRecipientsAsync([loner.Id]));
    }

    [Fact]
    public async Task Post_without_the_antiforgery_token_is_refused_and_nothing_is_kept()
    {
        var thanked = await ThankedPersonAsync();
        var customer = factory.CreateBrowserClient();
        await customer.GetDocumentAsync($"/t/{thanked.Link.Token}");

        var response = await customer.PostAsync($"/t/{thanked.Link.Token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Forged thanks",
            ["Input.Naming"] = nameof(CustomerNaming.Anonymous),
            ["Input.Consent"] = "true",
        }));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await factory.ThanksThroughAsync(thanked.Link));
    }

    [Fact]
    public async Task Overlong_text_is_kept_and_its_length_told_beside_the_field_and_nothing_is_stored()
    {
        var thanked = await ThankedPersonAsync();
        var text = new string('a', 1501);
        var values = Words(text);

        var response = await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        // Numbers in messages are written one way, as the counter beside the field writes them.
        Assert.Contains("1,500 characters or fewer (it is 1,501 now)", Assert.Single(page.FieldErrors("Input.Text")));
        Assert.NotEmpty(page.SummaryErrors());
        Assert.Equal(text, page.QuerySelector("textarea[name='Input.Text']")!.TextContent);
        Assert.Equal("Rosa Diaz", page.QuerySelector("input[name='Input.CustomerName']")!.GetAttribute("value"));
        Assert.Empty(await factory.ThanksThroughAsync(thanked.Link));
    }

    [Fact]
    public async Task Honeypot_filled_shows_the_thank_you_page_but_keeps_nothing()
    {
        var thanked = await ThankedPersonAsync();
        var customer = factory.CreateBrowserClient();
        var form = await customer.GetDocumentAsync($"/t/{thanked.Link.Token}");
        var honeypot = form.QuerySelector("input[name='Website']")!;
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("true", honeypot.ParentElement!.GetAttribute("aria-hidden"));
        var values = Words();
        values["Website"] = "http://spam.example";

        var response = await customer.SubmitFormAsync($"/t/{thanked.Link.Token}", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/t/{thanked.Link.Token}/sent", response.Headers.Location!.OriginalString);
        Assert.Empty(await factory.ThanksThroughAsync(thanked.Link));
        Assert.Empty(await factory.ThanksWaitingRecipientsAsync([thanked.Manager.Id]));
    }

    [Fact]
    public async Task Missing_consent_is_asked_for_beside_the_box_and_the_words_are_kept()
    {
        var thanked = await ThankedPersonAsync();
        var values = Words();
        values.Remove("Input.Consent");

        var response = await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Tick the box", Assert.Single(page.FieldErrors("Input.Consent")));
        Assert.Contains("lost keys", page.QuerySelector("textarea[name='Input.Text']")!.TextContent);
        Assert.Empty(await factory.ThanksThroughAsync(thanked.Link));
    }

    [Fact]
    public async Task First_name_only_keeps_only_the_first_name()
    {
        var thanked = await ThankedPersonAsync();
        var values = Words();
        values["Input.Naming"] = nameof(CustomerNaming.FirstNameOnly);

        await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Equal("Rosa", Assert.Single(await factory.ThanksThroughAsync(thanked.Link)).CustomerName);
    }

    [Fact]
    public async Task Dont_use_my_name_keeps_no_name_even_when_one_was_typed()
    {
        var thanked = await ThankedPersonAsync();
        var values = Words();
        values["Input.Naming"] = nameof(CustomerNaming.Anonymous);

        await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values).ShouldBeAsync(HttpStatusCode.Redirect);

        var stored = Assert.Single(await factory.ThanksThroughAsync(thanked.Link));
        Assert.Null(stored.CustomerName);
        Assert.Equal(CustomerNaming.Anonymous, stored.Naming);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Expired_or_revoked_link_refuses_the_form_and_the_post(bool expired, bool revoked)
    {
        var person = await factory.Data.PersonAsync();
        var open = await factory.LinkAsync(person);
        var closed = await factory.LinkAsync(person, expired: expired, revoked: revoked);
        var customer = factory.CreateBrowserClient();
        // A token from an open link's form, so the post is refused for the link, not for antiforgery.
        var form = await customer.GetDocumentAsync($"/t/{open.Token}");

        var get = await customer.GetAsync($"/t/{closed.Token}");
        await get.ShouldBeAsync(HttpStatusCode.Gone);
        Assert.Contains("no longer open", (await get.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        var post = await customer.SubmitFormAsync(form, $"/t/{closed.Token}", Words(), "main form[method=post]");

        await post.ShouldBeAsync(HttpStatusCode.Gone);
        Assert.Empty(await factory.ThanksThroughAsync(closed));
    }

    [Fact]
    public async Task Unknown_token_answers_a_friendly_404()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/t/no-such-link-token");

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("This thank-you link doesn't exist", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Check the address", page.Body!.TextContent);
    }

    [Fact]
    public async Task Script_in_the_words_comes_back_as_text()
    {
        var thanked = await ThankedPersonAsync();
        var values = Words("<script>alert('hi')</script> thank you");
        values["Input.CustomerName"] = "<b>Rosa</b>";
        values.Remove("Input.Consent");

        var response = await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values);

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Rosa", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_bigger_than_the_form_could_ever_be_is_refused_and_nothing_is_kept()
    {
        var thanked = await ThankedPersonAsync();
        var values = Words(new string('a', 40 * 1024));

        var response = await factory.CreateBrowserClient().SubmitFormAsync($"/t/{thanked.Link.Token}", values);

        await response.ShouldBeAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await factory.ThanksThroughAsync(thanked.Link));
    }

    [Fact]
    public async Task Signed_in_staff_opening_a_link_see_the_plain_customer_page()
    {
        var thanked = await ThankedPersonAsync();
        var client = await factory.SignInAsync(thanked.Manager);

        var page = await client.GetDocumentAsync($"/t/{thanked.Link.Token}");

        Assert.Null(page.QuerySelector(".site-header"));
        Assert.DoesNotContain(thanked.Manager.DisplayName, page.Body!.TextContent, StringComparison.Ordinal);
    }
}
