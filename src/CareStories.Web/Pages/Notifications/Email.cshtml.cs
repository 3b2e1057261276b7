using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;

namespace CareStories.Web.Pages.Notifications;

/// <summary>
/// The signed-in person's email choices: per kind of notification in the app only, email at once or a weekly
/// digest, and the weekly "stories of the week". Only ever their own: the page takes no person id.
/// </summary>
public sealed class EmailModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>Kind number → chosen value as posted (text, so a bad value is refused with a message, not a 400).</summary>
        public Dictionary<int, string?> Kinds { get; set; } = [];

        public bool StoriesOfTheWeek { get; set; }
    }

    public bool EmailConfirmed { get; private set; }

    public static IReadOnlyList<DeliveryChoice> Choices { get; } = Enum.GetValues<DeliveryChoice>();

    public static string FieldName(NotificationKind kind) => $"Input.Kinds[{(int)kind}]";

    public string? Chosen(NotificationKind kind) => Input.Kinds.GetValueOrDefault((int)kind);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var preferences = await MineAsync(cancellationToken);
        Input = new InputModel
        {
            Kinds = DeliveryText.Kinds.ToDictionary(k => (int)k, k => (string?)(preferences?.ChoiceFor(k) ?? DeliveryText.DefaultChoice).ToString()),
            StoriesOfTheWeek = preferences?.WantsStoriesOfTheWeek ?? false,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var preferences = await MineAsync(cancellationToken, tracked: true);
        if (preferences is null)
        {
            preferences = new MailPreferences(me, time.GetUtcNow());
            db.MailPreferences.Add(preferences);
        }

        foreach (var kind in DeliveryText.Kinds)
        {
            var posted = Input.Kinds.GetValueOrDefault((int)kind);
            if (posted is null)
            {
                continue; // a form from before a kind was added leaves that kind as it was
            }

            if (Enum.TryParse<DeliveryChoice>(posted, ignoreCase: false, out var choice) && Enum.IsDefined(choice) && !int.TryParse(posted, out _))
            {
                preferences.Choose(kind, choice);
            }
            else
            {
                ModelState.AddModelError(FieldName(kind), $"Choose how you hear that “{kind.Label()}”: in the app only, email at once or a weekly digest.");
            }
        }

        preferences.ChooseStoriesOfTheWeek(Input.StoriesOfTheWeek);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Email choices saved.";
        return RedirectToPage();
    }

    private Task<MailPreferences?> MineAsync(CancellationToken cancellationToken, bool tracked = false)
    {
        var me = User.PersonId();
        var query = tracked ? db.MailPreferences : db.MailPreferences.AsNoTracking();
        return query.SingleOrDefaultAsync(p => p.PersonId == me, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        EmailConfirmed = await db.Users.AsNoTracking().Where(p => p.Id == me).Select(p => p.EmailConfirmed).SingleAsync(cancellationToken);
    }
}
