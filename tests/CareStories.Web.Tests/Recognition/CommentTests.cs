using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Recognition;

public sealed class CommentTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string CommentForm = "form.comment-form";

    [Fact]
    public async Task Employee_comments_on_a_published_story_and_its_people_are_told()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var reader = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(reader);

        var response = await client.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = "I am stealing this idea for my team." }, CommentForm);

        Assert.Contains("#comment-", response.Headers.Location!.OriginalString);
        var page = await client.FollowAsync(response);
        var comment = Assert.Single(page.QuerySelectorAll(".comment"));
        Assert.Contains("I am stealing this idea for my team.", comment.TextContent);
        Assert.Contains(reader.DisplayName, comment.TextContent);
        var told = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.StoryId == story.Id && n.Kind == NotificationKind.StoryCommented)
            .Select(n => n.RecipientId)
            .ToListAsync());
        Assert.Equal(new[] { story.Author.Id, hero.Id }.Order(), told.Order());
    }

    [Fact]
    public async Task Comments_show_oldest_first()
    {
        var story = await factory.PublishedStoryAsync();
        await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "First words.");
        await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "Second words.");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync(story.Url);

        Assert.Equal(["First words.", "Second words."], page.QuerySelectorAll(".comment > .prose").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task Empty_or_too_long_comment_gets_a_message_and_keeps_the_text()
    {
        var story = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var empty = await client.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = "   " }, CommentForm);
        await empty.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("Write a comment", Assert.Single((await empty.ReadDocumentAsync()).FieldErrors("NewComment.Text")));

        var tooLong = new string('a', 2001);
        var refused = await client.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = tooLong }, CommentForm);
        await refused.ShouldBeAsync(HttpStatusCode.OK);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("2,000 characters or fewer", Assert.Single(page.FieldErrors("NewComment.Text")));
        Assert.Equal(tooLong, page.QuerySelector<IHtmlTextAreaElement>("#NewComment_Text")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.StoryId == story.Id)));
    }

    [Fact]
    public async Task Writer_edits_their_comment_and_it_shows_as_edited()
    {
        var story = await factory.PublishedStoryAsync();
        var writer = await factory.Data.PersonAsync();
        var id = await factory.CommentAsync(story.Id, writer, "Frist!");
        var client = await factory.SignInAsync(writer);

        var page = await client.GetDocumentAsync(story.Url);
        var edit = page.QuerySelector($"#comment-{id} a[href$='/Edit']")!.GetAttribute("href")!;
        var response = await client.SubmitFormAsync(edit, new FormValues { ["Input.Text"] = "First, and what a story." });

        var after = await client.FollowAsync(response);
        Assert.Equal("Your comment was updated.", after.Flash());
        var comment = after.QuerySelector($"#comment-{id}")!;
        Assert.Contains("First, and what a story.", comment.TextContent);
        Assert.NotNull(comment.QuerySelector(".comment-edited"));
    }

    [Fact]
    public async Task Writer_deletes_their_comment()
    {
        var story = await factory.PublishedStoryAsync();
        var writer = await factory.Data.PersonAsync();
        var id = await factory.CommentAsync(story.Id, writer, "Posted on the wrong story.");
        var client = await factory.SignInAsync(writer);

        var response = await client.SubmitFormAsync(story.Url, [], $"#comment-{id} form[action$='/Delete']");

        var after = await client.FollowAsync(response);
        Assert.Equal("Your comment was deleted.", after.Flash());
        Assert.Null(after.QuerySelector($"#comment-{id}"));
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Another_person_cannot_edit_or_delete_a_comment()
    {
        var story = await factory.PublishedStoryAsync();
        var id = await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "Mine, not yours.");
        var other = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var client = await factory.SignInAsync(other);

        var page = await client.GetDocumentAsync(story.Url);
        Assert.Null(page.QuerySelector($"#comment-{id} a[href$='/Edit']"));
        Assert.Null(page.QuerySelector($"#comment-{id} form[action$='/Delete']"));

        var edit = $"/Stories/{story.Id}/Comments/{id}/Edit";
        await client.GetAsync(edit).ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync(edit, new FormValues { ["Input.Text"] = "Rewritten." }).ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"{story.Url}/Comments/{id}/Delete").ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Equal("Mine, not yours.", await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Text).SingleAsync()));
    }

    [Fact]
    public async Task Comment_on_another_story_is_not_found_through_this_one()
    {
        var story = await factory.PublishedStoryAsync();
        var elsewhere = await factory.PublishedStoryAsync();
        var writer = await factory.Data.PersonAsync();
        var id = await factory.CommentAsync(elsewhere.Id, writer, "Over there.");
        var client = await factory.SignInAsync(writer);

        await client.GetAsync($"/Stories/{story.Id}/Comments/{id}/Edit").ShouldBeAsync(HttpStatusCode.NotFound);
        await client.PostWithOwnTokenAsync($"{story.Url}/Comments/{id}/Delete").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_hides_a_comment_with_a_reason_and_others_no_longer_see_its_text()
    {
        var story = await factory.PublishedStoryAsync();
        var writer = await factory.Data.PersonAsync();
        var id = await factory.CommentAsync(story.Id, writer, "Something unkind about a customer.");
        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var adminClient = await factory.SignInAsync(admin);

        var hide = (await adminClient.GetDocumentAsync(story.Url)).QuerySelector($"#comment-{id} a[data-hide-link]")!.GetAttribute("href")!;
        Assert.Equal($"/Admin/Comments/{id}/Hide", hide);
        var response = await adminClient.SubmitFormAsync(hide, new FormValues { ["Input.HiddenReason"] = "Names a customer unkindly." }, "#hide-form");

        var adminView = await adminClient.FollowAsync(response);
        Assert.Contains("The comment is hidden", adminView.Flash());
        var moderation = adminView.QuerySelector($"#comment-{id} [data-moderation]")!;
        Assert.Contains("Something unkind about a customer.", moderation.TextContent);
        Assert.Contains("Names a customer unkindly.", moderation.TextContent);
        Assert.Contains(admin.DisplayName, moderation.TextContent);

        var hidden = await factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(hidden.HiddenAt);
        Assert.Equal(admin.Id, hidden.HiddenById);
        Assert.Equal("Names a customer unkindly.", hidden.HiddenReason);

        foreach (var reader in new[] { writer, await factory.Data.PersonAsync() })
        {
            var html = await (await factory.SignInAsync(reader)).GetStringAsync(story.Url);
            Assert.Contains("Hidden by an admin.", html);
            Assert.DoesNotContain("Something unkind", html);
            Assert.DoesNotContain("Names a customer unkindly", html);
        }

        var writerClient = await factory.SignInAsync(writer);
        await writerClient.GetAsync($"/Stories/{story.Id}/Comments/{id}/Edit").ShouldBeAsync(HttpStatusCode.Redirect);
        var refused = await writerClient.PostWithOwnTokenAsync($"{story.Url}/Comments/{id}/Delete");
        await refused.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("stays on record", (await writerClient.FollowAsync(refused)).Flash());
        Assert.True(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Hiding_needs_a_reason_next_to_the_field()
    {
        var story = await factory.PublishedStoryAsync();
        var id = await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "Borderline.");
        var adminClient = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var response = await adminClient.SubmitFormAsync($"/Admin/Comments/{id}/Hide", new FormValues { ["Input.HiddenReason"] = " " }, "#hide-form");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Say why", Assert.Single(page.FieldErrors("Input.HiddenReason")));
        Assert.Contains("Say why", Assert.Single(page.SummaryErrors()));
        Assert.NotNull(page.QuerySelector("#Input_HiddenReason"));
        Assert.Null(await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.HiddenAt).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Leader)]
    public async Task Only_an_admin_can_hide_a_comment(string role)
    {
        var story = await factory.PublishedStoryAsync();
        var id = await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "Fine words.");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, role));

        var page = await client.GetDocumentAsync(story.Url);
        Assert.Null(page.QuerySelector($"#comment-{id} [data-hide-link]"));
        await client.GetAsync($"/Admin/Comments/{id}/Hide").ShouldBeAsync(HttpStatusCode.Forbidden);
        await client.PostWithOwnTokenAsync($"/Admin/Comments/{id}/Hide", new FormValues { ["Input.HiddenReason"] = "I disagree." })
            .ShouldBeAsync(HttpStatusCode.Forbidden);

        Assert.Null(await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.HiddenAt).SingleAsync()));
    }

    [Fact]
    public async Task Script_in_a_comment_is_shown_as_text()
    {
        var story = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        await client.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = "<script>alert('x')</script><img src=x onerror=alert(1)>" }, CommentForm)
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var html = await client.GetStringAsync(story.Url);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(", html);
    }

    [Fact]
    public async Task Unpublished_story_takes_no_comments()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var submitted = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());
        var authorClient = await factory.SignInAsync(author);

        await stranger.PostWithOwnTokenAsync($"/Stories/{submitted}/Comments/New", new FormValues { ["NewComment.Text"] = "Hello?" })
            .ShouldBeAsync(HttpStatusCode.NotFound);

        var page = await authorClient.GetDocumentAsync($"/Stories/{submitted}");
        Assert.Null(page.QuerySelector("#comments"));
        Assert.Null(page.QuerySelector("#celebrations"));
        var refused = await authorClient.PostWithOwnTokenAsync($"/Stories/{submitted}/Comments/New", new FormValues { ["NewComment.Text"] = "Note to self." });
        await refused.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("Only a published story can be commented on.", (await refused.ReadDocumentAsync()).SummaryErrors());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.StoryId == submitted)));
    }
}
