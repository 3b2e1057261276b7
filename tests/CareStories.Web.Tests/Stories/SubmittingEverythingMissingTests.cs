namespace CareStories.Web.Tests.Stories;

/// <summary>
/// Submitting an empty story names every field submitting needs at once, not only the missing title: the title's
/// refusal used to stop the story before its submit check could name the rest.
/// </summary>
public sealed class SubmittingEverythingMissingTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly string[] NeededFields =
        ["Input.Title", "Input.OccurredOn", "Input.Situation", "Input.ImmediateAction", "Input.Outcome", "Input.Heroes", "Input.Teams"];

    [Fact]
    public async Task Submitting_an_empty_new_story_names_every_needed_field_beside_it_and_in_the_summary_and_saves_nothing()
    {
        var me = await factory.Data.PersonAsync();
        await factory.Data.TeamAsync(members: [me]);
        var client = await factory.SignInAsync(me);
        var before = await factory.WithDbAsync(db => db.Stories.CountAsync(s => s.AuthorId == me.Id));

        var response = await client.SubmitFormAsync("/Stories/New", EmptyStory("A spend with no purpose"), submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        foreach (var field in NeededFields)
        {
            Assert.True(page.FieldErrors(field).Count > 0, $"No message beside {field}.");
        }

        var summary = page.SummaryErrors();
        Assert.Contains("Give the story a title.", summary);
        Assert.Contains("Enter when it happened.", summary);
        Assert.Contains("Describe the customer's situation.", summary);
        Assert.Contains("Say what was done right away.", summary);
        Assert.Contains("Say how it turned out for the customer.", summary);
        Assert.Contains("Choose at least one person to credit: yourself or a colleague.", summary);
        Assert.Contains("Choose at least one team.", summary);
        Assert.Contains("Enter the amount spent, or clear the spend fields.", summary);
        Assert.Equal("A spend with no purpose", page.QuerySelector<IHtmlInputElement>("#Input_SpendPurpose")!.Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Stories.CountAsync(s => s.AuthorId == me.Id)));
    }

    [Fact]
    public async Task Submitting_an_emptied_draft_names_every_needed_field_and_leaves_the_draft_as_it_was()
    {
        var me = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [me]);
        var id = await factory.Data.StoryAsync(me, team);
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == id).Select(s => s.Title).SingleAsync());
        var client = await factory.SignInAsync(me);

        var response = await client.SubmitFormAsync($"/Stories/{id}/Edit", EmptyStory("Typed, then submitted"), submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        foreach (var field in NeededFields)
        {
            Assert.True(page.FieldErrors(field).Count > 0, $"No message beside {field}.");
        }

        Assert.True(page.SummaryErrors().Count >= NeededFields.Length);
        Assert.Equal("Typed, then submitted", page.QuerySelector<IHtmlInputElement>("#Input_SpendPurpose")!.Value);
        Assert.Equal(title, await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));
    }

    /// <summary>Every field cleared, the people and teams unticked; only a spend purpose typed, to see it kept.</summary>
    private static FormValues EmptyStory(string purpose)
    {
        var form = new FormValues
        {
            ["Input.Title"] = "",
            ["Input.OccurredOn"] = "",
            ["Input.Situation"] = "",
            ["Input.ImmediateAction"] = "",
            ["Input.Prevention"] = "",
            ["Input.Outcome"] = "",
            ["Input.SpendAmount"] = "",
            ["Input.SpendCurrency"] = "",
            ["Input.SpendPurpose"] = purpose,
        };
        form.Set("Input.Heroes");
        form.Set("Input.Teams");
        return form;
    }
}
