using System.ComponentModel.DataAnnotations;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.Quotes;

/// <summary>
/// An Admin removes a quote's words or who it is from, for privacy, with a reason kept on record. The removed
/// words are not kept anywhere; the record of who removed what, when and why is listed here. A quote is redacted
/// only where its story can be read: a draft's quotes are its author's alone and answer 404, as its photos do.
/// </summary>
public sealed class RedactModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public RedactInput Input { get; set; } = new();

    public QuoteView Quote { get; private set; } = null!;

    public IReadOnlyList<RedactionView> Redactions { get; private set; } = [];

    public RedactForm Form => new(ModelState);

    public sealed class RedactInput
    {
        [Required(ErrorMessage = "Choose what to remove: the words or who they are from.")]
        [Display(Name = "What to remove")]
        public QuotePart? Part { get; set; }

        [Required(ErrorMessage = "Say why this is being removed; the reason is kept on record.")]
        [StringLength(QuoteRedaction.ReasonMaxLength, ErrorMessage = "Keep the reason to {1:N0} characters or fewer.")]
        [Display(Name = "Why")]
        public string? Reason { get; set; }
    }

    public sealed record RedactForm(ModelStateDictionary ModelState) : FormState(ModelState);

    public sealed record QuoteView(
        int Id, string Text, bool IsTextRedacted, bool IsAttributionRedacted, CustomerNaming Naming, string? CustomerName,
        QuoteSource Source, DateOnly ReceivedOn, int StoryId, string StoryTitle)
    {
        public string Attribution => QuoteText.Attribution(Naming, CustomerName);

        public bool NamesCustomer => !IsAttributionRedacted && !(Naming == CustomerNaming.Anonymous && CustomerName is null);

        public bool AnythingLeft => !IsTextRedacted || NamesCustomer;
    }

    public sealed record RedactionView(QuotePart Part, string AdminName, DateTimeOffset At, string Reason);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var story = await db.Stories
            .Include(s => s.Quotes.Where(q => q.Id == id)).ThenInclude(q => q.Redactions)
            .SingleOrDefaultAsync(s => s.Quotes.Any(q => q.Id == id), cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                story.RedactQuote(id, Input.Part!.Value, User.PersonId(), Input.Reason, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                TempData["StatusMessage"] = Input.Part == QuotePart.Text
                    ? "The quote's words were removed for good. The reason is on record below."
                    : "The customer's name was removed from the quote for good. The reason is on record below.";
                return RedirectToPage(new { id });
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking()
            .Where(q => q.Id == id)
            .Select(q => new QuoteView(
                q.Id,
                q.Text,
                q.IsTextRedacted,
                q.IsAttributionRedacted,
                q.Naming,
                q.CustomerName,
                q.Source,
                q.ReceivedOn,
                q.StoryId,
                db.Stories.Where(s => s.Id == q.StoryId).Select(s => s.Title).First()))
            .SingleOrDefaultAsync(cancellationToken);
        if (quote is null || (await gate.CheckAsync(this, quote.StoryId, StoryOperations.Read, cancellationToken)).Denied is not null)
        {
            return false;
        }

        Quote = quote;
        Redactions = await db.QuoteRedactions.AsNoTracking()
            .Where(r => r.QuoteId == id)
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new RedactionView(r.Part, r.Admin.DisplayName, r.At, r.Reason))
            .ToListAsync(cancellationToken);
        return true;
    }
}
