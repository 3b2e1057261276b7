using System.Xml.Linq;
using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Atom;

/// <summary>The Atom feed at a person's secret address: valid Atom, published stories only, and a reset that ends the old address.</summary>
public sealed class AtomFeedTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";
    private readonly FeedArrange _feed = new(factory);

    /// <summary>Makes (or resets) the person's address on their account page and reads the addresses shown once.</summary>
    private static async Task<(string All, IReadOnlyDictionary<string, string> Teams)> MakeAddressAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/Identity/Account/Manage/Feeds", new(), "form[action*='handler=Reset']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Identity/Account/Manage/Feeds");
        var all = page.QuerySelector("#feed-all")!.GetAttribute("value")!;
        var teams = page.QuerySelectorAll(".feed-addresses li").ToDictionary(
            li => li.QuerySelector("label")!.TextContent.Trim(), li => li.QuerySelector("input")!.GetAttribute("value")!);
        return (new Uri(all).PathAndQuery, teams.ToDictionary(t => t.Key, t => new Uri(t.Value).PathAndQuery));
    }

    private static async Task<XDocument> AtomAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_published_stories_and_customers_named_only_as_consented()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var published = await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow(), s => s.AddQuote(
            new QuoteDetails("Wonderful help & care <3", QuoteSource.Email, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), CustomerNaming.Anonymous, null), factory.Clock.GetUtcNow()));
        var draft = await factory.Data.StoryAsync(hero, team);
        var titles = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == published || s.Id == draft).ToDictionaryAsync(s => s.Id, s => s.Title));
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var (all, _) = await MakeAddressAsync(reader);

        // A feed reader has no cookies.
        var feed = await AtomAsync(factory.CreateClient(), all);

        var root = feed.Root!;
        Assert.Equal(A + "feed", root.Name);
        Assert.NotEmpty(root.Element(A + "id")!.Value);
        Assert.NotEmpty(root.Element(A + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(root.Element(A + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.NotNull(root.Element(A + "author")?.Element(A + "name"));
        var entries = root.Elements(A + "entry").ToList();
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.Element(A + "id")!.Value);
            Assert.NotEmpty(e.Element(A + "title")!.Value);
            Assert.NotNull(e.Element(A + "updated"));
            Assert.NotNull(e.Element(A + "link")?.Attribute("href"));
        });
        var entry = Assert.Single(entries, e => e.Element(A + "title")!.Value == titles[published]);
        Assert.DoesNotContain(entries, e => e.Element(A + "title")!.Value == titles[draft]);
        var content = entry.Element(A + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("Wonderful help &amp; care &lt;3", content.Value, StringComparison.Ordinal);
        Assert.Contains("A customer", content.Value, StringComparison.Ordinal);
        Assert.EndsWith($"/Stories/{published}", entry.Element(A + "id")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_feed_holds_only_that_teams_stories()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var (otherHero, otherTeam) = await _feed.HeroInTeamAsync();
        var ours = await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow());
        var theirs = await _feed.PublishedAsync(otherHero, otherTeam, factory.Clock.GetUtcNow());
        var teamName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());
        var reader = await factory.SignInAsync(hero);
        var (_, teams) = await MakeAddressAsync(reader);

        var feed = await AtomAsync(factory.CreateClient(), teams[teamName]);

        var ids = feed.Root!.Elements(A + "entry").Select(e => e.Element(A + "id")!.Value.Split('/').Last()).ToList();
        Assert.Contains(ours.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);
        Assert.DoesNotContain(theirs.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);
        Assert.Contains(teamName, feed.Root!.Element(A + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resetting_the_address_ends_the_old_one_and_a_wrong_secret_is_not_found()
    {
        var person = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(person);
        var (first, _) = await MakeAddressAsync(client);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);

        var (second, _) = await MakeAddressAsync(client);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/not-a-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second + "/987654")).StatusCode);
        // Only a hash is kept: the secret itself is nowhere in the database.
        var secret = second.Split('/')[2];
        Assert.False(await factory.WithDbAsync(db => db.FeedAddresses.AnyAsync(f => f.SecretHash.Contains(secret))));
    }

    [Fact]
    public async Task The_address_is_shown_once_and_a_later_visit_offers_only_a_reset()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());
        await MakeAddressAsync(client);

        var later = await client.GetDocumentAsync("/Identity/Account/Manage/Feeds");

        Assert.Null(later.QuerySelector("#feed-all"));
        Assert.Contains("Reset my feed address", later.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_persons_address_stops_working()
    {
        var person = await factory.Data.PersonAsync();
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var (all, _) = await MakeAddressAsync(await factory.SignInAsync(person));

        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(p => p.Id == person.Id)).Deactivate(admin.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(all)).StatusCode);
    }
}
