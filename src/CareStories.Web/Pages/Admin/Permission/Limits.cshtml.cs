using System.Globalization;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Admin.Permission;

/// <summary>
/// The Admin sets the empowerment limit: what anyone may spend on one customer incident without sign-off, in the
/// company's currency, and a team's own limit where it differs. Also which value means "I bent a rule".
/// </summary>
public sealed class LimitsModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public CompanyInput Company { get; set; } = new();

    // Amounts are bound as text, so whatever was typed comes back as typed beside its message.
    public sealed class CompanyInput
    {
        public string? Currency { get; set; }

        public string? Amount { get; set; }

        public int? RuleBentValueId { get; set; }
    }

    public sealed record TeamRow(int Id, string Name, decimal? Own);

    public sealed record ValueChoice(int Id, string Name);

    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public IReadOnlyList<ValueChoice> Values { get; private set; } = [];

    public string? CompanyCurrency { get; private set; }

    /// <summary>The team whose row the last post failed on, and what was typed there.</summary>
    public (int TeamId, string? Typed, string Message)? TeamError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var limits = await db.CurrentLimitsAsync(cancellationToken);
        Company = new CompanyInput
        {
            Currency = limits?.Currency,
            Amount = limits?.CompanyLimit?.ToString("0.##", CultureInfo.InvariantCulture),
            RuleBentValueId = limits?.RuleBentValueId,
        };
        await LoadAsync(limits, cancellationToken);
    }

    public async Task<IActionResult> OnPostCompanyAsync(CancellationToken cancellationToken)
    {
        var limits = await TrackedAsync(cancellationToken);
        var amount = ParseAmount(Company.Amount, "Company.CompanyLimit");
        if (Company.RuleBentValueId is { } valueId && !await db.Values.AnyAsync(v => v.Id == valueId, cancellationToken))
        {
            ModelState.AddModelError("Company.RuleBentValueId", "Choose a value from the list.");
        }

        try
        {
            limits.SetCompanyLimit(amount, Company.Currency, Company.RuleBentValueId, User.PersonId(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex, "Company");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(await db.CurrentLimitsAsync(cancellationToken), cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"The company's limit is now {Money.Format(limits.CompanyLimit!.Value, limits.Currency)} per customer incident.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTeamAsync(int teamId, string? amount, bool clear, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return NotFound();
        }

        var limits = await TrackedAsync(cancellationToken);
        var field = $"Team{teamId}";
        var value = clear ? null : ParseAmount(amount, field) ?? (ModelState.IsValid ? null : 0m);
        try
        {
            if (ModelState.IsValid)
            {
                if (!clear && value is null)
                {
                    throw new DomainException("Enter the team's limit, or use the company's.", "Amount");
                }

                limits.SetTeamLimit(teamId, value, User.PersonId(), time.GetUtcNow());
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(field, ex.Errors[0].Message);
        }

        if (!ModelState.IsValid)
        {
            TeamError = (teamId, amount, ModelState[field]!.Errors[0].ErrorMessage);
            var current = await db.CurrentLimitsAsync(cancellationToken);
            Company = new CompanyInput { Currency = current?.Currency, Amount = current?.CompanyLimit?.ToString("0.##", CultureInfo.InvariantCulture), RuleBentValueId = current?.RuleBentValueId };
            await LoadAsync(current, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = clear
            ? $"{team} uses the company's limit again."
            : $"{team}'s own limit is now {Money.Format(value!.Value, limits.Currency)} per customer incident.";
        return RedirectToPage();
    }

    private async Task<EmpowermentLimits> TrackedAsync(CancellationToken cancellationToken)
    {
        var limits = await db.EmpowermentLimits.SingleOrDefaultAsync(l => l.Id == EmpowermentLimits.SingletonId, cancellationToken);
        if (limits is null)
        {
            limits = new EmpowermentLimits();
            db.EmpowermentLimits.Add(limits);
        }

        return limits;
    }

    /// <summary>A number as typed ("2000", "2,000.50"); anything else puts a message beside the field.</summary>
    private decimal? ParseAmount(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        ModelState.AddModelError(field, "Enter the limit as a number, e.g. 2000 or 1500.50.");
        return null;
    }

    private async Task LoadAsync(EmpowermentLimits? limits, CancellationToken cancellationToken)
    {
        CompanyCurrency = limits?.CompanyLimit is null ? null : limits.Currency;
        var own = limits?.TeamLimits.ToDictionary(t => t.TeamId, t => t.Amount) ?? [];
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        Teams = teams.Select(t => new TeamRow(t.Id, t.Name, own.TryGetValue(t.Id, out var amount) ? amount : null)).ToList();
        Values = await db.Values.AsNoTracking()
            .Where(v => !v.IsRetired || v.Id == Company.RuleBentValueId)
            .OrderBy(v => v.Name)
            .Select(v => new ValueChoice(v.Id, v.Name))
            .ToListAsync(cancellationToken);
    }
}
