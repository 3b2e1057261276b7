using CareStories.Domain.Thanks;

namespace CareStories.Web.Tests.Thanks;

/// <summary>Links and thank-yous made through the domain, as the public form would have received them.</summary>
internal static class ThanksArrange
{
    public static Task<int> WaitingThanksForPersonAsync(
        this CareStoriesFactory factory, TestPerson person, TestPerson linkMaker, string? text = null,
        CustomerNaming naming = CustomerNaming.FirstNameOnly, string? name = "Rosa Diaz", DateTimeOffset? at = null) =>
        factory.ReceiveAsync(now => ThankYouLink.ForPerson(person.Id, linkMaker.Id, null, null, now.AddDays(-30)), text, naming, name, at);

    public static Task<int> WaitingThanksForTeamAsync(
        this CareStoriesFactory factory, int teamId, TestPerson linkMaker, string? text = null,
        CustomerNaming naming = CustomerNaming.FullName, string? name = "Rosa Diaz", DateTimeOffset? at = null) =>
        factory.ReceiveAsync(now => ThankYouLink.ForTeam(teamId, linkMaker.Id, null, null, now.AddDays(-30)), text, naming, name, at);

    /// <summary>A thank-you for the person approved onto <paramref name="storyId"/> (a story of theirs).</summary>
    public static async Task<int> ApprovedThanksAsync(
        this CareStoriesFactory factory, TestPerson person, TestPerson manager, int storyId, string text,
        CustomerNaming naming = CustomerNaming.FirstNameOnly, string? name = "Rosa Diaz", DateTimeOffset? at = null)
    {
        var id = await factory.WaitingThanksForPersonAsync(person, manager, text, naming, name, at);
        await factory.WithDbAsync(async db =>
        {
            var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id);
            var story = await db.Stories.Include(s => s.Quotes).Include(s => s.Heroes).Include(s => s.Teams).SingleAsync(s => s.Id == storyId);
            thanks.ApproveOnto(story, manager.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A thank-you for the person approved as a new draft of theirs; returns the thank-you's and the draft's ids.</summary>
    public static async Task<(int Id, int StoryId)> ApprovedAsDraftAsync(
        this CareStoriesFactory factory, TestPerson person, TestPerson manager, string? text = null,
        CustomerNaming naming = CustomerNaming.FirstNameOnly, string? name = "Rosa Diaz", DateTimeOffset? at = null)
    {
        var id = await factory.WaitingThanksForPersonAsync(person, manager, text, naming, name, at);
        var storyId = await factory.WithDbAsync(async db =>
        {
            var thanks = await db.CustomerThanks.SingleAsync(t => t.Id == id);
            var story = thanks.ApproveAsDraft(manager.Id, person.Id, null, factory.Clock.GetUtcNow());
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        return (id, storyId);
    }

    public static Task<CustomerThanks> ThanksAsync(this CareStoriesFactory factory, int id) =>
        factory.WithDbAsync(db => db.CustomerThanks.AsNoTracking().SingleAsync(t => t.Id == id));

    private static async Task<int> ReceiveAsync(
        this CareStoriesFactory factory, Func<DateTimeOffset, ThankYouLink> makeLink, string? text, CustomerNaming naming, string? name, DateTimeOffset? at)
    {
        var received = at ?? factory.Clock.GetUtcNow();
        return await factory.WithDbAsync(async db =>
        {
            var link = makeLink(received);
            db.ThankYouLinks.Add(link);
            var thanks = CustomerThanks.Receive(link, new ThanksSubmission(text ?? TestData.Unique("Thank you so much"), naming, name, true), received);
            db.CustomerThanks.Add(thanks);
            await db.SaveChangesAsync();
            return thanks.Id;
        });
    }
}
