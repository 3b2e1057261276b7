using CareStories.ScaleOut.Tests.Infrastructure;

namespace CareStories.ScaleOut.Tests;

/// <summary>
/// The app as several companies will run it: two instances behind nginx over one database and one Redis. Everything
/// goes through nginx, as people's browsers would.
/// </summary>
public sealed class ScaleOutTests(Cluster cluster) : IClassFixture<Cluster>
{
    private const string InstanceHeader = "X-CareStories-Instance";

    [Fact]
    public async Task Requests_through_the_proxy_land_on_both_instances()
    {
        using var browser = Cluster.Browser(cluster.Proxy);
        var answeredBy = new HashSet<string>();

        for (var request = 0; request < 6; request++)
        {
            using var response = await browser.GetAsync("/Identity/Account/Login");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answeredBy.Add(Instance(response));
        }

        Assert.Equal(["a", "b"], answeredBy.Order());
    }

    [Fact]
    public async Task A_story_written_through_one_instance_is_read_and_published_through_the_other_and_its_mail_goes_out_once()
    {
        // One person's browser, going through nginx to a or to b as the test chooses; cookies are per host, so shared.
        var employeeCookies = new CookieContainer();
        using var employeeOnA = Cluster.Browser(cluster.ViaA, employeeCookies);
        using var employeeOnB = Cluster.Browser(cluster.ViaB, employeeCookies);
        await SignInAsync(employeeOnA, "employee@carestories.example", "a");
        // The sign-in cookie a issued works on b (the keys are in the database), and so does b's own form.
        await Expect(employeeOnB.SubmitFormAsync("/Notifications/Email", new() { ["Input.Kinds[0]"] = "EmailAtOnce" }), HttpStatusCode.Redirect, "b");
        var title = "Scale-out " + Guid.NewGuid().ToString("N")[..8];
        var form = await employeeOnB.GetDocumentAsync("/Stories/New");
        var values = new FormValues
        {
            ["Input.Title"] = title,
            ["Input.OccurredOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Situation"] = "A customer's order was lost between our two warehouses.",
            ["Input.ImmediateAction"] = "Drove the spare from the other warehouse myself.",
            ["Input.Outcome"] = "The customer had it the same afternoon.",
        };
        values.Set("Input.Heroes", Choice(form, "Input.Heroes", "Jamie Rivera"));
        values.Set("Input.Teams", Choice(form, "Input.Teams", "Customer Support"));
        values.Set("Input.Values", Choice(form, "Input.Values", label => !label.Contains("rule", StringComparison.OrdinalIgnoreCase)));
        // The form (and its antiforgery token) came from b; the story is written by a.
        var written = await Expect(employeeOnA.SubmitFormAsync(form, "/Stories/New", values, "main form[method=post]", "button[value=submit]"), HttpStatusCode.Redirect, "a");
        var storyPath = written.Headers.Location!.OriginalString.Split('?')[0];

        var read = await Expect(employeeOnB.GetAsync(storyPath), HttpStatusCode.OK, "b");
        Assert.Contains(title, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var managerCookies = new CookieContainer();
        using var managerOnA = Cluster.Browser(cluster.ViaA, managerCookies);
        using var managerOnB = Cluster.Browser(cluster.ViaB, managerCookies);
        await SignInAsync(managerOnB, "manager@carestories.example", "b");
        var id = storyPath.Split('/')[^1];
        var review = await managerOnB.GetDocumentAsync($"/Review/Story/{id}");
        Assert.Contains(title, review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await Expect(managerOnA.SubmitFormAsync(review, $"/Review/Story/{id}", new(), "form#publish-form"), HttpStatusCode.Redirect, "a");

        using var employee = Cluster.Browser(cluster.Proxy, employeeCookies);
        var published = await employee.GetDocumentAsync(storyPath);
        Assert.Contains("Published", published.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Both instances run the delivery worker over the same outbox: the "published" mail goes out once.
        var mails = await WaitForMailsAsync(title);
        Assert.True(mails == 1, $"{mails} mails about the story were written.\n{cluster.Logs}");
    }

    [Fact]
    public async Task The_sign_in_limit_counts_the_forwarded_client_across_both_instances()
    {
        using var first = Cluster.Browser(cluster.Proxy);
        using var second = Cluster.Browser(cluster.Proxy);
        var answers = new List<(HttpStatusCode Status, string Instance)>();

        for (var post = 0; post <= Cluster.SignInPostsPerMinute; post++)
        {
            answers.Add(await WrongPasswordAsync(first, "203.0.113.50"));
            // Each try is a GET and a POST; one more request in between sends the next POST to the other instance.
            (await first.GetAsync("/health/live")).Dispose();
        }

        var otherClient = await WrongPasswordAsync(second, "203.0.113.51");

        Assert.All(answers.Take(Cluster.SignInPostsPerMinute), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Status);
        Assert.Equal(["a", "b"], answers.Select(a => a.Instance).Distinct().Order());
        Assert.Equal(HttpStatusCode.OK, otherClient.Status);
    }

    private async Task<(HttpStatusCode Status, string Instance)> WrongPasswordAsync(HttpClient browser, string client)
    {
        browser.DefaultRequestHeaders.Remove("X-Forwarded-For");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        var response = await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = "employee@carestories.example",
            ["Input.Password"] = "not the password",
        });
        return (response.StatusCode, Instance(response));
    }

    /// <summary>Through the real Identity sign-in form.</summary>
    private Task SignInAsync(HttpClient browser, string email, string instance) =>
        Expect(browser.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Cluster.DemoPassword }), HttpStatusCode.Redirect, instance);

    private async Task<int> WaitForMailsAsync(string title)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            count = MailsAbout(title);
            if (count > 0)
            {
                // Give the other instance's worker a few passes to (wrongly) send it again.
                await Task.Delay(TimeSpan.FromSeconds(3));
                return MailsAbout(title);
            }

            await Task.Delay(250);
        }

        return count;
    }

    private int MailsAbout(string title) => !Directory.Exists(cluster.MailFolder) ? 0
        : Directory.EnumerateFiles(cluster.MailFolder, "*.eml").Count(file =>
        {
            using var message = MimeKit.MimeMessage.Load(file);
            return message.To.Mailboxes.Any(m => m.Address == "employee@carestories.example")
                && message.TextBody?.Contains(title, StringComparison.Ordinal) == true;
        });

    private static string Choice(IHtmlDocument form, string name, string label) =>
        Choice(form, name, text => text.Contains(label, StringComparison.Ordinal));

    private static string Choice(IHtmlDocument form, string name, Func<string, bool> label) =>
        form.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']")
            .First(input => label(form.QuerySelector($"label[for='{input.Id}']")?.TextContent ?? "")).Value;

    private async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> call, HttpStatusCode status, string instance)
    {
        var response = await call;
        if (response.StatusCode != status)
        {
            var page = await response.ReadDocumentAsync();
            var errors = string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
            Assert.Fail($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {page.Title} {errors}\n{cluster.Logs}");
        }

        Assert.Equal(instance, Instance(response));
        return response;
    }

    private static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues(InstanceHeader, out var values) ? values.Single() : "(none)";
}
