namespace CareStories.Web.Tests.Stories;

public sealed class WritingStoriesTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Employee_saves_a_draft_with_only_a_title_and_finds_it_in_my_stories()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);
        var title = TestData.Unique("Half-written story");

        var response = await client.SubmitFormAsync("/Stories/New", new() { ["Input.Title"] = title }, submitButton: "button[value=save]");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var mine = await client.GetDocumentAsync("/Stories?status=Draft");
        var row = mine.QuerySelectorAll(".story-row").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("Draft", row.QuerySelector(".status")!.TextContent);
    }

    [Fact]
    public async Task Employee_submits_a_complete_story_nominating_a_colleague_who_then_sees_it()
    {
        var me = await factory.Data.PersonAsync();
        var colleague = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me, colleague]);
        var value = await factory.Data.ValueAsync();
        var client = await factory.SignInAsync(me);
        var title = TestData.Unique("Stranded driver");

        var form = new FormValues
        {
            ["Input.Title"] = title,
            ["Input.OccurredOn"] = factory.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Situation"] = "A driver was stranded at night.\n\nHer phone was almost flat.",
            ["Input.ImmediateAction"] = "Stayed on the line and sent a tow truck.",
            ["Input.Outcome"] = "She was home by midnight.",
            ["Input.SpendAmount"] = "45.50",
            ["Input.SpendCurrency"] = "eur",
            ["Input.SpendPurpose"] = "A taxi home",
        };
        form.Set("Input.Heroes", colleague.Id);
        form.Set("Input.Teams", team.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.Set("Input.Values", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await client.SubmitFormAsync("/Stories/New", form, submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var id = response.StoryIdFromLocation();
        var saved = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Heroes).SingleAsync(s => s.Id == id));
        Assert.Equal(StoryStatus.Submitted, saved.Status);
        Assert.Equal([colleague.Id], saved.Heroes.Select(h => h.PersonId));
        Assert.Equal(new Spend(45.50m, "EUR", "A taxi home"), saved.Spend);
        Assert.Equal("A driver was stranded at night.\n\nHer phone was almost flat.", saved.Situation);

        var colleagueClient = await factory.SignInAsync(colleague);
        var theirs = await colleagueClient.GetDocumentAsync("/Stories");
        Assert.Contains(theirs.QuerySelectorAll(".story-row"), r => r.TextContent.Contains(title, StringComparison.Ordinal) && r.TextContent.Contains("credited you", StringComparison.Ordinal));
        var page = await colleagueClient.GetDocumentAsync($"/Stories/{id}");
        Assert.Contains("Waiting for review", page.QuerySelector(".status")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Withdraw']"));
    }

    [Fact]
    public async Task Submitting_an_incomplete_story_saves_nothing_and_names_each_missing_field_keeping_the_text()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);
        var title = TestData.Unique("Incomplete");

        var response = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = title,
            ["Input.OccurredOn"] = "",
            ["Input.Situation"] = "Only the situation is written.",
        }, submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.OccurredOn"));
        Assert.NotEmpty(page.FieldErrors("Input.ImmediateAction"));
        Assert.NotEmpty(page.FieldErrors("Input.Outcome"));
        Assert.NotEmpty(page.FieldErrors("Input.Teams"));
        Assert.Equal(4, page.SummaryErrors().Count);
        Assert.Equal(title, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Only the situation is written.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Situation")!.Value);
        Assert.False(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == title)));
    }

    [Fact]
    public async Task An_unreadable_amount_and_missing_fields_are_all_listed_at_once()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = TestData.Unique("Everything at once"),
            ["Input.SpendAmount"] = "lots",
            ["Input.Outcome"] = "",
        }, submitButton: "button[value=submit]");

        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.SpendAmount"));
        Assert.NotEmpty(page.FieldErrors("Input.Outcome"));
        Assert.NotEmpty(page.FieldErrors("Input.Situation"));
    }

    [Fact]
    public async Task Retired_value_stays_on_the_story_that_shows_it_but_is_not_offered_for_new_stories()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var value = await factory.Data.ValueAsync();
        var id = await factory.Data.StoryAsync(me, team, s => s.SetValues([value]));
        await factory.WithDbAsync(async db =>
        {
            (await db.Values.SingleAsync(v => v.Id == value)).Retire();
            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(me);

        var edit = await client.GetDocumentAsync($"/Stories/{id}/Edit");
        Assert.True(edit.QuerySelector<IHtmlInputElement>($"#value-{value}")!.IsChecked);
        var saved = await client.SubmitFormAsync(edit, $"/Stories/{id}/Edit", new(), submitButton: "button[value=save]");
        await saved.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal([value], await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == id).SelectMany(s => s.Values.Select(v => v.ValueId)).ToListAsync()));

        var fresh = await client.GetDocumentAsync("/Stories/New");
        Assert.Null(fresh.QuerySelector($"#value-{value}"));
        var tampered = await client.SubmitFormAsync(fresh, "/Stories/New", new() { ["Input.Title"] = TestData.Unique("Tampered"), ["Input.Values"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) }, submitButton: "button[value=save]");
        var page = await tampered.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.Values"));
    }

    [Fact]
    public async Task Date_in_the_future_is_refused_next_to_the_field()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = TestData.Unique("Future"),
            ["Input.OccurredOn"] = factory.Clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, submitButton: "button[value=save]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("cannot be in the future", page.FieldErrors("Input.OccurredOn").Single());
    }

    [Fact]
    public async Task Unreadable_amount_and_overlong_outcome_are_refused_and_what_was_typed_stays()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);
        var longOutcome = new string('x', Story.NarrativeMaxLength + 1);

        var response = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = TestData.Unique("Bad input"),
            ["Input.Outcome"] = longOutcome,
            ["Input.SpendAmount"] = "12,5a",
        }, submitButton: "button[value=save]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.FieldErrors("Input.SpendAmount"));
        Assert.Equal("12,5a", page.QuerySelector<IHtmlInputElement>("#Input_SpendAmount")!.Value);

        var second = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = TestData.Unique("Too long"),
            ["Input.Outcome"] = longOutcome,
        }, submitButton: "button[value=save]");
        var secondPage = await second.ReadDocumentAsync();
        Assert.Contains("4,000 characters or fewer", secondPage.FieldErrors("Input.Outcome").Single());
        Assert.Equal(longOutcome, secondPage.QuerySelector<IHtmlTextAreaElement>("#Input_Outcome")!.Value);
    }

    [Fact]
    public async Task Markup_typed_into_a_story_is_shown_as_text()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await client.SubmitFormAsync("/Stories/New", new()
        {
            ["Input.Title"] = "<script>alert('x')</script> Title",
            ["Input.Situation"] = "<b>bold</b> and <img src=x onerror=alert(1)>",
        }, submitButton: "button[value=save]");
        var id = response.StoryIdFromLocation();

        var html = await client.GetStringAsync($"/Stories/{id}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await client.PostAsync("/Stories/New", new FormUrlEncodedContent([new("Input.Title", "No token")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Missing_story_answers_the_not_found_page()
    {
        var me = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(me);

        var response = await client.GetAsync("/Stories/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("could not find", page.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Author_edits_a_sent_back_story_and_resubmits_it_seeing_the_reviewer_comment()
    {
        var me = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team, s =>
        {
            s.Submit(me.Id, factory.Clock.GetUtcNow());
            s.RequestChanges(reviewer.Id, "Please add what the customer said.", factory.Clock.GetUtcNow());
        });
        var client = await factory.SignInAsync(me);

        var edit = await client.GetDocumentAsync($"/Stories/{id}/Edit");
        Assert.Contains("Please add what the customer said.", edit.QuerySelector(".review-note")!.TextContent);
        var response = await client.SubmitFormAsync(edit, $"/Stories/{id}/Edit", new() { ["Input.Outcome"] = "Better told now." }, submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var story = await factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == id));
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal("Better told now.", story.Outcome);
        Assert.Equal(StoryStatus.Submitted, story.History.OrderBy(h => h.At).ThenBy(h => h.Id).Last().To);
        var page = await client.GetDocumentAsync($"/Stories/{id}");
        Assert.Contains("Resubmitted for review", page.QuerySelector(".history")!.TextContent);
    }

    [Fact]
    public async Task Author_withdraws_a_submitted_story_then_reopens_it_and_the_history_says_who_and_when()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team, s => s.Submit(me.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(me);

        var page = await client.GetDocumentAsync($"/Stories/{id}");
        var withdrawn = await client.SubmitFormAsync(page, $"/Stories/{id}", new(), "form[action*='handler=Withdraw']");
        await withdrawn.ShouldBeAsync(HttpStatusCode.Redirect);
        page = await client.GetDocumentAsync($"/Stories/{id}");
        Assert.Contains("Withdrawn", page.QuerySelector(".status")!.TextContent);
        var reopened = await client.SubmitFormAsync(page, $"/Stories/{id}", new(), "form[action*='handler=Reopen']");
        await reopened.ShouldBeAsync(HttpStatusCode.Redirect);

        page = await client.GetDocumentAsync($"/Stories/{id}");
        var history = page.QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, history.Count);
        Assert.Contains("Withdrew the story", history[2]);
        Assert.Contains(me.DisplayName, history[2]);
        Assert.Contains("Reopened as a draft", history[3]);
        Assert.NotNull(page.QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task Author_deletes_a_draft_with_its_quotes_but_a_published_story_cannot_be_deleted()
    {
        var me = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var draft = await factory.Data.StoryAsync(me, team);
        var published = await factory.Data.StoryAsync(me, team, s =>
        {
            s.Submit(me.Id, factory.Clock.GetUtcNow());
            s.Publish(reviewer.Id, factory.Clock.GetUtcNow());
        });
        var client = await factory.SignInAsync(me);

        var deleted = await client.SubmitFormAsync($"/Stories/{draft}/Delete", new());
        await deleted.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.False(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Id == draft)));
        Assert.False(await factory.WithDbAsync(db => db.Quotes.AnyAsync(q => q.StoryId == draft)));

        var refused = await client.PostWithOwnTokenAsync($"/Stories/{published}/Delete");
        await refused.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.True(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Id == published)));
    }

    [Fact]
    public async Task My_stories_pages_by_key_without_gaps_or_repeats_when_stories_share_a_time()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var sameInstant = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await factory.Data.StoryAsync(me, team, at: sameInstant));
        }

        var client = await factory.SignInAsync(me);
        var seen = new List<string>();
        var url = "/Stories";
        while (url is not null)
        {
            var page = await client.GetDocumentAsync(url);
            seen.AddRange(page.QuerySelectorAll(".story-row h2 a").Select(a => a.GetAttribute("href")!));
            url = page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "Older stories")?.GetAttribute("href")!;
        }

        Assert.Equal(25, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(ids.OrderByDescending(i => i).Select(i => $"/Stories/{i}"), seen);
    }
}
