using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Delivery;
using CareStories.Web.Chat;

namespace CareStories.Web.Pages.Admin.Chat;

/// <summary>An Admin connects a channel: the platform, whose stories, the channel's name and the webhook's address.</summary>
public sealed class ConnectModel(CareStoriesDbContext db, ChatAddresses addresses, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Where")]
        public string? Platform { get; set; } = nameof(ChatPlatform.Slack);

        /// <summary>A team's id, or empty for the whole company.</summary>
        [Display(Name = "Whose stories")]
        public string? TeamId { get; set; }

        [Display(Name = "Channel name")]
        public string? Channel { get; set; }

        [Display(Name = "Webhook address")]
        public string? Address { get; set; }
    }

    public sealed record TeamChoice(int Id, string Name);

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var platform = Enum.TryParse<ChatPlatform>(Input.Platform, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Input.Platform, out _)
            ? parsed
            : (ChatPlatform)(-1);
        int? teamId = null;
        if (!string.IsNullOrEmpty(Input.TeamId))
        {
            if (int.TryParse(Input.TeamId, out var id) && Teams.Any(t => t.Id == id))
            {
                teamId = id;
            }
            else
            {
                ModelState.AddModelError("Input.TeamId", "Choose the whole company or one of the teams.");
            }
        }

        if (addresses.WhyNot(Input.Address, out var address) is { } whyNot)
        {
            ModelState.AddModelError("Input.Address", whyNot);
        }

        ChatWebhook? webhook = null;
        try
        {
            webhook = new ChatWebhook(
                platform, teamId, Input.Channel ?? "",
                address is null ? "" : addresses.Protect(address), address is null ? "" : ChatAddresses.Mask(address),
                User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || webhook is null)
        {
            return Page();
        }

        db.ChatWebhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"Connected {webhook.Channel}. The next published or celebrated story will show there.";
        return RedirectToPage("./Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
}
