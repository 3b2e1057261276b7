using CareStories.Domain.Data;
using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Admin;

/// <summary>
/// Names that must be unique ignore capitals in every alphabet, on SQLite and PostgreSQL alike, because the columns'
/// collation compares them (never ToUpper, which SQLite knows only for A to Z). Accents still count.
/// </summary>
public sealed class CaseInsensitiveNameTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_team_called_equipe_is_refused_beside_the_name_when_Equipe_exists()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Admin));
        var name = TestData.Unique("Équipe Nord");
        var created = await client.SubmitFormAsync("/Admin/Teams/Edit", new FormValues
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = nameof(TeamKind.CustomerFacing),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var lower = name.ToLowerInvariant();
        var refused = await client.SubmitFormAsync("/Admin/Teams/Edit", new FormValues
        {
            ["Input.Name"] = lower,
            ["Input.Kind"] = nameof(TeamKind.CustomerFacing),
            ["Input.Description"] = "Kept while the name is put right.",
        });

        var page = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"already a team called “{name}”", Assert.Single(page.FieldErrors("Input.Name")), StringComparison.Ordinal);
        Assert.Equal(lower, page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("Kept while the name is put right.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Teams.CountAsync(t => t.Name == lower)));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_name_that_differs_only_in_capitals()
    {
        var name = TestData.Unique("Qualité Øst");
        await factory.WithDbAsync(async db =>
        {
            db.Teams.Add(new Team(name, TeamKind.BehindTheScenes));
            db.Values.Add(new CareValue(name, "A value made by a test."));
            await db.SaveChangesAsync();
        });

        foreach (var add in new Action<CareStoriesDbContext>[]
        {
            db => db.Teams.Add(new Team(name.ToUpperInvariant(), TeamKind.BehindTheScenes)),
            db => db.Values.Add(new CareValue(name.ToLowerInvariant(), "The same value in other capitals.")),
        })
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(db =>
            {
                add(db);
                return db.SaveChangesAsync();
            }));
        }
    }

    [Fact]
    public async Task Accents_still_make_another_name_and_lookups_find_the_name_in_any_capitals()
    {
        var name = TestData.Unique("Équipe Sud");
        var unaccented = name.Replace('É', 'E');
        await factory.WithDbAsync(async db =>
        {
            db.Teams.Add(new Team(name, TeamKind.CustomerFacing));
            db.Teams.Add(new Team(unaccented, TeamKind.CustomerFacing));
            await db.SaveChangesAsync();
        });

        var found = await factory.WithDbAsync(db => db.Teams.Where(t => t.Name == name.ToUpperInvariant()).Select(t => t.Name).ToListAsync());

        Assert.Equal([name], found);
    }

    [Fact]
    public async Task Searching_people_ignores_capitals_in_any_alphabet()
    {
        var person = await factory.Data.PersonAsync();
        var name = TestData.Unique("Émile Ørsted");
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(p => p.Id == person.Id)).Rename(name, null);
            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Admin));

        var page = await client.GetDocumentAsync("/Admin/People?q=" + Uri.EscapeDataString(name.ToLowerInvariant()));

        Assert.Equal(person.Id, Assert.Single(page.QuerySelectorAll("tr[data-person-id]")).GetAttribute("data-person-id"));
    }
}
