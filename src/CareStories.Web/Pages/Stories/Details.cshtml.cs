using CareStories.Domain;
using CareStories.Domain.Data;
using CareStories.Domain.People;
using CareStories.Domain.Settings;
using CareStories.Domain.Stories;
using CareStories.Web.Authorization;
using CareStories.Web.Identity;
using CareStories.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories;

/// <summary>The whole story, its quotes and its history; the author's actions on it.</summary>
public sealed class DetailsModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    public StoryView Story { get; private set; } = null!;

    public bool IsAuthor { get; private set; }

    public sealed record StoryView(
        int Id,
        string Title,
        StoryStatus Status,
        string AuthorId,
        string AuthorName,
        DateOnly? OccurredOn,
        string? Situation,
        string? ImmediateAction,
        string? Prevention,
        string? Outcome,
        decimal? SpendAmount,
        string? SpendCurrency,
        string? SpendPurpose,
        string? ReviewComment,
        DateTimeOffset UpdatedAt,
        IReadOnlyList<HeroView> Heroes,
        IReadOnlyList<TeamView> Teams,
        IReadOnlyList<string> Values,
        IReadOnlyList<QuoteView> Quotes,
        IReadOnlyList<HistoryView> History)
    {
        public bool IsEditable => Status is StoryStatus.Draft or StoryStatus.ChangesRequested;

        public bool CanWithdraw => Status is StoryStatus.Submitted or StoryStatus.ChangesRequested or StoryStatus.Published;
    }

    public sealed record HeroView(string Name, string? JobTitle);

    public sealed record TeamView(string Name, TeamKind Kind);

    public sealed record QuoteView(int Id, string Text, QuoteSource Source, DateOnly ReceivedOn, CustomerNaming Naming, string? CustomerName)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);
    }

    public sealed record HistoryView(StoryStatus? From, StoryStatus To, string ActorName, DateTimeOffset At, string? Comment)
    {
        public string Description => StoryStatusChange.Describe(From, To);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        await LoadAsync(id, check.Facts!, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Sends the story to review, or publishes it at once where the company asks for no review; whoever should
    /// hear about it is told in the same save.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] StoryNotifier notifier, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        var story = await db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        var me = User.PersonId();
        try
        {
            story.Submit(me, time.GetUtcNow(), settings.PublishWithoutReview);
        }
        catch (DomainException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }

            await LoadAsync(id, check.Facts!, cancellationToken);
            return Page();
        }

        await notifier.TellAboutSubmissionAsync(story, me, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = story.Status == StoryStatus.Published
            ? "Your story is published: everyone can read it now. Your company publishes stories without a manager's review."
            : "Your story was submitted. A manager of your team will review it.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (story, me, now) => story.Withdraw(me, now), "Your story was withdrawn. It is no longer shared; you can reopen it as a draft.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (story, me, now) => story.Reopen(me, now), "The story is a draft again. Change it and submit it when ready.", cancellationToken);

    /// <summary>Runs one of the author's state changes; a refused change shows its reason on the story page.</summary>
    private async Task<IActionResult> ChangeAsync(
        int id, Action<Story, string, DateTimeOffset> change, string done, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        var story = await db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        try
        {
            change(story, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }

            await LoadAsync(id, check.Facts!, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = done;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(int id, StoryAccessFacts facts, CancellationToken cancellationToken)
    {
        IsAuthor = facts.AuthorId == User.PersonId();
        Story = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new StoryView(
                s.Id,
                s.Title,
                s.Status,
                s.AuthorId,
                s.Author.DisplayName,
                s.OccurredOn,
                s.Situation,
                s.ImmediateAction,
                s.Prevention,
                s.Outcome,
                s.SpendAmount,
                s.SpendCurrency,
                s.SpendPurpose,
                s.ReviewComment,
                s.UpdatedAt,
                s.Heroes.OrderBy(h => h.Person.DisplayName).Select(h => new HeroView(h.Person.DisplayName, h.Person.JobTitle)).ToList(),
                s.Teams.OrderBy(t => t.Team.Name).Select(t => new TeamView(t.Team.Name, t.Team.Kind)).ToList(),
                s.Values.OrderBy(v => v.Value.Name).Select(v => v.Value.Name).ToList(),
                s.Quotes.OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id)
                    .Select(q => new QuoteView(q.Id, q.Text, q.Source, q.ReceivedOn, q.Naming, q.CustomerName)).ToList(),
                s.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Select(h => new HistoryView(
                        h.From, h.To, db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First(), h.At, h.Comment))
                    .ToList()))
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
    }
}
