namespace CareStories.Web.Tests.Admin;

public sealed class TeamAdminTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Admin_creates_a_team_with_managers_and_members()
    {
        var client = await SignInAsAdminAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var name = TestData.Unique("Night Shift");
        var values = new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = nameof(TeamKind.BehindTheScenes),
            ["Input.Description"] = "Keeps the lights on overnight.",
        };
        values.Set("Input.ManagerIds", manager.Id);
        values.Set("Input.MemberIds", member.Id);

        var response = await client.SubmitFormAsync("/Admin/Teams/Edit", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var team = await factory.WithDbAsync(db => db.Teams.AsNoTracking().Include(t => t.Memberships).SingleAsync(t => t.Name == name));
        Assert.Equal(TeamKind.BehindTheScenes, team.Kind);
        Assert.Equal("Keeps the lights on overnight.", team.Description);
        Assert.Collection(team.Memberships.OrderBy(m => m.IsManager),
            m => Assert.Equal((member.Id, false), (m.PersonId, m.IsManager)),
            m => Assert.Equal((manager.Id, true), (m.PersonId, m.IsManager)));
    }

    [Fact]
    public async Task Team_list_shows_the_kind_in_words_with_managers_and_size()
    {
        var client = await SignInAsAdminAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var teamId = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [member], managers: [manager]);

        var page = await client.GetDocumentAsync("/Admin/Teams");

        var row = page.QuerySelector($"tr[data-team-id='{teamId}']")!;
        Assert.Contains("Behind the scenes", row.TextContent);
        Assert.DoesNotContain("BehindTheScenes", row.TextContent);
        Assert.Equal(manager.DisplayName, row.QuerySelector("[data-managers]")!.TextContent.Trim());
        Assert.Equal("2", row.QuerySelector("[data-people]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Duplicate_team_name_is_refused_next_to_the_field()
    {
        var client = await SignInAsAdminAsync();
        var existingId = await factory.Data.TeamAsync();
        var existingName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == existingId).Select(t => t.Name).SingleAsync());

        var response = await client.SubmitFormAsync("/Admin/Teams/Edit", new FormValues
        {
            ["Input.Name"] = existingName.ToUpperInvariant(),
            ["Input.Kind"] = nameof(TeamKind.CustomerFacing),
            ["Input.Description"] = "Typed before the name was refused.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("already a team called", Assert.Single(page.FieldErrors("Input.Name")));
        Assert.Contains(page.SummaryErrors(), e => e.Contains("already a team called", StringComparison.Ordinal));
        Assert.Equal(existingName.ToUpperInvariant(), page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("Typed before the name was refused.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#kind-CustomerFacing")!.IsChecked);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Teams.CountAsync(t => t.Name.ToUpper() == existingName.ToUpper())));
    }

    [Fact]
    public async Task Renaming_a_team_to_another_teams_name_is_refused_but_keeping_its_own_name_is_fine()
    {
        var client = await SignInAsAdminAsync();
        var firstId = await factory.Data.TeamAsync();
        var secondId = await factory.Data.TeamAsync();
        var firstName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == firstId).Select(t => t.Name).SingleAsync());

        var clash = await client.SubmitFormAsync($"/Admin/Teams/Edit/{secondId}", new FormValues { ["Input.Name"] = firstName });
        var unchanged = await client.SubmitFormAsync($"/Admin/Teams/Edit/{firstId}", new FormValues { ["Input.Description"] = "Same name, new words." });

        await clash.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotEmpty((await clash.ReadDocumentAsync()).FieldErrors("Input.Name"));
        await unchanged.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Team_without_name_or_kind_gets_messages_next_to_both_fields()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.SubmitFormAsync("/Admin/Teams/Edit", new FormValues
        {
            ["Input.Name"] = "   ",
            ["Input.Description"] = "Kept while the rest is put right.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the team's name.", Assert.Single(page.FieldErrors("Input.Name")));
        Assert.Contains("customer-facing or behind the scenes", Assert.Single(page.FieldErrors("Input.Kind")));
        Assert.Equal(2, page.SummaryErrors().Count);
        Assert.Equal("Kept while the rest is put right.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
    }

    [Fact]
    public async Task Admin_changes_a_teams_people()
    {
        var client = await SignInAsAdminAsync();
        var oldManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var stays = await factory.Data.PersonAsync();
        var leaves = await factory.Data.PersonAsync();
        var joins = await factory.Data.PersonAsync();
        var teamId = await factory.Data.TeamAsync(members: [stays, leaves], managers: [oldManager]);

        var form = await client.GetDocumentAsync($"/Admin/Teams/Edit/{teamId}");
        Assert.True(form.QuerySelector<IHtmlInputElement>($"input[name='Input.ManagerIds'][value='{oldManager.Id}']")!.IsChecked);
        var values = new FormValues();
        values.Set("Input.ManagerIds", stays.Id);
        values.Set("Input.MemberIds", oldManager.Id, joins.Id);
        var response = await client.SubmitFormAsync(form, $"/Admin/Teams/Edit/{teamId}", values);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var people = await factory.WithDbAsync(db => db.TeamMemberships.Where(m => m.TeamId == teamId)
            .ToDictionaryAsync(m => m.PersonId, m => m.IsManager));
        Assert.Equal(3, people.Count);
        Assert.True(people[stays.Id]);
        Assert.False(people[oldManager.Id]);
        Assert.False(people[joins.Id]);
        Assert.False(people.ContainsKey(leaves.Id));
    }

    [Fact]
    public async Task Editing_a_missing_team_is_not_found()
    {
        var client = await SignInAsAdminAsync();

        var response = await client.GetAsync("/Admin/Teams/Edit/987654");

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> SignInAsAdminAsync() =>
        await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
}
