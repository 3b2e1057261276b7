using CareStories.Web.Tests.Thanks;

namespace CareStories.Web.Tests.Security;

/// <summary>
/// What a fuzzer does: every form on every page, posted back with values of the wrong type, far too long, with line
/// breaks, duplicated, with no handler and with an unknown one, as each role. Any answer but a server error is fine;
/// a 500 is a page that trusted its input.
/// </summary>
public sealed class MalformedFormTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly string[] Garbage =
    [
        "", "abc!", "-1", "99999999999999999999", "maybe", "2026-02-31", "line one\r\nline two", "<script>x</script>",
        new string('x', 20_000),
    ];

    [Fact]
    public async Task Garbage_posted_to_every_form_page_never_answers_a_server_error_for_any_role()
    {
        var employee = await factory.Data.PersonAsync(Roles.Employee);
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var team = await factory.Data.TeamAsync(members: [employee], managers: [manager]);
        var draft = await factory.Data.StoryAsync(employee, team);
        var waiting = await factory.Data.StoryAsync(employee, team, s => s.Submit(employee.Id, factory.Clock.GetUtcNow()));
        var published = await factory.Data.StoryAsync(employee, team, s =>
        {
            s.Submit(employee.Id, factory.Clock.GetUtcNow());
            s.Publish(manager.Id, factory.Clock.GetUtcNow());
        });
        var draftQuote = await QuoteOfAsync(draft);
        var publishedQuote = await QuoteOfAsync(published);
        var link = await factory.LinkAsync(employee);
        var thanks = await factory.WaitingThanksForPersonAsync(employee, manager, "Thank you so much for the help.");

        string[] pages =
        [
            "/", "/Stories", "/Stories/New", $"/Stories/{draft}", $"/Stories/{draft}/Edit", $"/Stories/{draft}/Photos",
            $"/Stories/{draft}/Quotes/New", $"/Stories/{draft}/Quotes/{draftQuote}/Edit", $"/Stories/{waiting}", $"/Stories/{published}",
            "/Feed", "/Notifications", $"/People/{employee.Id}", "/Thanks", "/Thanks/New", $"/Thanks/{link.Id}", "/Voice",
            "/Review", $"/Review/Story/{waiting}", "/Review/Thanks", $"/Review/Thanks/{thanks}",
            "/Admin/Settings", "/Admin/People", "/Admin/People/New", $"/Admin/People/Edit/{employee.Id}", "/Admin/Teams/Edit",
            $"/Admin/Teams/Edit/{team}", "/Admin/Values", "/Admin/Values/Edit", "/Admin/Badges", "/Admin/Badges/Edit",
            $"/Admin/Quotes/{publishedQuote}/Redact", $"/Admin/Quotes/{draftQuote}/Redact",
            "/Identity/Account/Manage", "/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/Email",
            $"/Thanks/{link.Id}/Revoke", $"/Stories/{draft}/Delete",
        ];
        var failures = new List<string>();
        foreach (var person in new[] { employee, manager, leader, admin })
        {
            var client = await factory.SignInAsync(person);
            var token = await TokenAsync(client, "/Stories/New");
            foreach (var page in pages)
            {
                await FuzzPageAsync(client, person.Email, page, token, failures);
            }
        }

        var anonymous = factory.CreateBrowserClient();
        var anonymousToken = await TokenAsync(anonymous, "/Identity/Account/Login");
        foreach (var page in new[]
        {
            "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword",
            "/Identity/Account/ResendEmailConfirmation", "/Identity/Account/ResetPassword?code=abc!",
            "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode", $"/t/{link.Token}",
        })
        {
            await FuzzPageAsync(anonymous, "anonymous", page, anonymousToken, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests answered 500:\n{string.Join("\n", failures.Take(60))}");
    }

    [Theory]
    [InlineData("/Identity/Account/ResetPassword?code=abc!")]
    [InlineData("/Identity/Account/ConfirmEmail?userId=x&code=abc!")]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task Account_pages_opened_with_a_broken_or_missing_link_answer_without_a_server_error(string url)
    {
        var response = await factory.CreateBrowserClient().GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.NotFound,
            $"{url} answered {(int)response.StatusCode}.");
    }

    private async Task FuzzPageAsync(HttpClient client, string who, string page, string token, List<string> failures)
    {
        var response = await client.GetAsync(page);
        Record(failures, who, "GET", page, "", response);
        var forms = new List<(string Action, List<KeyValuePair<string, string>> Fields)>();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var document = await response.ReadDocumentAsync();
            forms.AddRange(document.QuerySelectorAll<IHtmlFormElement>("form[method=post]")
                .Where(form => !(form.GetAttribute("action") ?? "").Contains("Logout", StringComparison.OrdinalIgnoreCase))
                .Select(form => (string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!, HtmlForms.CurrentFields(form))));
        }

        // A page this person may not open still gets the posts a crafted request would send.
        forms.Add((page, [new("__RequestVerificationToken", token)]));
        foreach (var (action, fields) in forms.DistinctBy(f => f.Action + string.Join("&", f.Fields.Select(x => x.Key))))
        {
            var path = action.Split('?')[0];
            var query = action.Contains('?') ? action[action.IndexOf('?')..] : "";
            var withoutHandler = path + string.Join("&", query.Split('&').Where(p => !p.TrimStart('?').StartsWith("handler=", StringComparison.OrdinalIgnoreCase)));
            await PostAsync(client, who, withoutHandler, "no handler", [new("__RequestVerificationToken", token)], failures);
            await PostAsync(client, who, path + "?handler=NoSuchHandler", "unknown handler", fields, failures);
            foreach (var garbage in Garbage)
            {
                var sent = fields.Select(f => f.Key == "__RequestVerificationToken" ? f : new(f.Key, garbage)).ToList();
                await PostAsync(client, who, action, $"every field '{Shorten(garbage)}'", sent, failures);
            }

            var doubled = fields.Concat(fields.Where(f => f.Key != "__RequestVerificationToken").Select(f => new KeyValuePair<string, string>(f.Key, "abc!"))).ToList();
            await PostAsync(client, who, action, "every field twice", doubled, failures);
        }
    }

    private static async Task PostAsync(HttpClient client, string who, string url, string variant, List<KeyValuePair<string, string>> fields, List<string> failures)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Record(failures, who, "POST", url, variant, response);
    }

    private static void Record(List<string> failures, string who, string method, string url, string variant, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{(int)response.StatusCode} {method} {url} ({variant}) as {who}");
        }
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value.ReplaceLineEndings("⏎");

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    private Task<int> QuoteOfAsync(int storyId) =>
        factory.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).SelectMany(s => s.Quotes).Select(q => q.Id).FirstAsync());
}
