using System.Linq.Expressions;

namespace CareStories.Domain.Insights;

/// <summary>Something counted in a trend (a story, a celebration): when, and whether its teams include each kind.</summary>
public sealed class TrendRow
{
    public DateTimeOffset At { get; init; }

    public bool CustomerFacing { get; init; }

    public bool BehindTheScenes { get; init; }
}

/// <summary>The same row with the month of the period it falls in instead of its instant.</summary>
public sealed class MonthRow
{
    public int Month { get; init; }

    public bool CustomerFacing { get; init; }

    public bool BehindTheScenes { get; init; }
}

/// <summary>
/// Puts each row into its calendar month in SQL: <c>CASE WHEN At &lt; @b1 THEN 0 WHEN At &lt; @b2 THEN 1 … END</c>,
/// the boundaries sent as parameters (so one compiled query serves every period with as many months). Instants are
/// stored as UTC ticks, so the database cannot work out a month in the company's zone itself; the boundaries can.
/// </summary>
internal static class MonthBuckets
{
    private sealed class Boundary(DateTimeOffset value)
    {
        public DateTimeOffset Value = value;
    }

    public static Expression<Func<TrendRow, MonthRow>> Of(IReadOnlyList<DateTimeOffset> boundaries)
    {
        var row = Expression.Parameter(typeof(TrendRow), "row");
        var month = Month(Expression.Property(row, nameof(TrendRow.At)), boundaries);
        var body = Expression.MemberInit(
            Expression.New(typeof(MonthRow)),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Month))!, month),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.CustomerFacing))!, Expression.Property(row, nameof(TrendRow.CustomerFacing))),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.BehindTheScenes))!, Expression.Property(row, nameof(TrendRow.BehindTheScenes))));
        return Expression.Lambda<Func<TrendRow, MonthRow>>(body, row);
    }

    /// <summary>row => new KeyMonth { Key = key(row), Month = the month of at(row) }.</summary>
    public static Expression<Func<T, KeyMonth>> KeyMonthOf<T>(
        Expression<Func<T, int>> key, Expression<Func<T, DateTimeOffset>> at, IReadOnlyList<DateTimeOffset> boundaries)
    {
        var row = key.Parameters[0];
        var atBody = new Rebind(at.Parameters[0], row).Visit(at.Body);
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyMonth)),
            Expression.Bind(typeof(KeyMonth).GetProperty(nameof(KeyMonth.Key))!, key.Body),
            Expression.Bind(typeof(KeyMonth).GetProperty(nameof(KeyMonth.Month))!, Month(atBody, boundaries)));
        return Expression.Lambda<Func<T, KeyMonth>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static Expression Month(Expression at, IReadOnlyList<DateTimeOffset> boundaries)
    {
        var months = boundaries.Count - 1;
        Expression month = Expression.Constant(months - 1);
        for (var i = months - 2; i >= 0; i--)
        {
            // A field of a captured object becomes a parameter in EF Core's SQL, as a closure variable would.
            var boundary = Expression.Field(Expression.Constant(new Boundary(boundaries[i + 1])), nameof(Boundary.Value));
            month = Expression.Condition(Expression.LessThan(at, boundary), Expression.Constant(i), month);
        }

        return month;
    }
}

/// <summary>
/// A key and the month of the period something falls in: an applause's story, or a counted row's kinds of team as one
/// number (PostgreSQL's trends).
/// </summary>
public sealed class KeyMonth
{
    public int Key { get; init; }

    public int Month { get; init; }
}
