using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Permission;

/// <summary>The limit that applies to one story: the amount, in the company's currency, and the team it is from, if any.</summary>
public sealed record ApplicableLimit(decimal Amount, string Currency, int? TeamId)
{
    public override string ToString() => Money.Format(Amount, Currency);
}

/// <summary>
/// How much an employee may spend on one customer incident without anyone's sign-off: one company limit in the
/// company's currency, and limits of their own for some teams. One row, kept by the Admin. Spending more is
/// allowed; it only needs a reason (<see cref="StoryLatitude"/>).
/// </summary>
public sealed class EmpowermentLimits
{
    public const int SingletonId = 1;

    private readonly List<TeamLimit> _teamLimits = [];

    public EmpowermentLimits()
    {
        Id = SingletonId;
    }

    public int Id { get; private set; }

    /// <summary>The company's currency: every limit is in it. Spend in other currencies is never converted.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>The company-wide limit per incident; null until an Admin sets one (then nothing is over a limit).</summary>
    public decimal? CompanyLimit { get; private set; }

    /// <summary>The value that says a story bent a rule for the customer; a story showing it names the rule.</summary>
    public int? RuleBentValueId { get; private set; }

    public string? UpdatedById { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Two Admins saving at once cannot both win unseen.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<TeamLimit> TeamLimits => _teamLimits;

    public void SetCompanyLimit(decimal? amount, string? currency, int? ruleBentValueId, string adminId, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        var code = TextRules.SingleLine(currency).ToUpperInvariant();
        if (!Currencies.IsKnown(code))
        {
            errors.Add(new(nameof(Currency), code.Length == 0
                ? "Enter the company's currency, e.g. EUR or USD."
                : $"“{code}” is not a currency code we know. Check it, e.g. EUR, USD or GBP."));
        }

        CheckAmount(amount, nameof(CompanyLimit), errors);
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        (Currency, CompanyLimit, RuleBentValueId) = (code, amount, ruleBentValueId);
        (UpdatedById, UpdatedAt) = (adminId, at);
    }

    /// <summary>Gives a team a limit of its own (higher or lower than the company's); null goes back to the company's.</summary>
    public void SetTeamLimit(int teamId, decimal? amount, string adminId, DateTimeOffset at)
    {
        if (CompanyLimit is null)
        {
            throw new DomainException("Set the company's limit first: a team's limit is in the company's currency.", "Amount");
        }

        _teamLimits.RemoveAll(t => t.TeamId == teamId);
        if (amount is not null)
        {
            var errors = new List<DomainError>();
            CheckAmount(amount, "Amount", errors);
            if (errors.Count > 0)
            {
                throw new DomainException(errors);
            }

            _teamLimits.Add(new TeamLimit(teamId, amount.Value));
        }

        (UpdatedById, UpdatedAt) = (adminId, at);
    }

    /// <summary>
    /// The limit for a story tagged with these teams: each team's own limit or else the company's, and the lowest of
    /// them when there are several (the most careful reading). Null when no limit has been set.
    /// </summary>
    public ApplicableLimit? For(IReadOnlyCollection<int> teamIds)
    {
        if (CompanyLimit is not { } company)
        {
            return null;
        }

        // A team with no limit of its own has the company's; a tie goes to the company's, the plainer to explain.
        return teamIds.Count == 0
            ? new ApplicableLimit(company, Currency, null)
            : teamIds.Distinct()
                .Select(id => _teamLimits.Find(t => t.TeamId == id) is { } own
                    ? new ApplicableLimit(own.Amount, Currency, id)
                    : new ApplicableLimit(company, Currency, null))
                .OrderBy(l => l.Amount).ThenBy(l => l.TeamId.HasValue)
                .First();
    }

    private static void CheckAmount(decimal? amount, string field, List<DomainError> errors)
    {
        if (amount is not { } value)
        {
            errors.Add(new(field, "Enter the limit, e.g. 2000."));
        }
        else if (value <= 0)
        {
            errors.Add(new(field, "Enter a limit above 0. To let nobody spend without sign-off, say so in the charter instead."));
        }
        else if (value > Spend.MaxAmount)
        {
            errors.Add(new(field, $"Enter a limit up to {Spend.MaxAmount:N0}: a story cannot record more than that."));
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add(new(field, "Enter the limit with at most two decimal places."));
        }
    }
}

/// <summary>A team's own limit, in the company's currency.</summary>
public sealed class TeamLimit
{
    private TeamLimit()
    {
    }

    internal TeamLimit(int teamId, decimal amount)
    {
        TeamId = teamId;
        Amount = amount;
    }

    public int TeamId { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>How amounts are written on pages and in messages: the code, then the amount with two decimals.</summary>
public static class Money
{
    public static string Format(decimal amount, string currency) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{currency} {amount:N2}");
}

public static class EmpowermentLimitsQueries
{
    /// <summary>The limits as they stand, with the teams' own; null until an Admin first sets them.</summary>
    public static Task<EmpowermentLimits?> CurrentLimitsAsync(this Data.CareStoriesDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.EmpowermentLimits.AsNoTracking().SingleOrDefaultAsync(l => l.Id == EmpowermentLimits.SingletonId, cancellationToken);
    }
}
