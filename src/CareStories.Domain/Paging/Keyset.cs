using System.Linq.Expressions;
using System.Numerics;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Paging;

/// <summary>Which way a list runs along its (instant, id) key.</summary>
public enum PageOrder
{
    NewestFirst = 0,
    OldestFirst = 1,
}

/// <summary>
/// How one list pages by key rather than by OFFSET: the instant and the id it sorts on, and which way. A deep page
/// seeks on the list's (instant, id) index, so it costs what the first one does. Declare one per list and page
/// with <see cref="ToPageAsync{TRow}"/> (or <see cref="After"/> where the page is assembled by hand).
/// </summary>
public sealed class Keyset<T, TId>
    where TId : struct, IBinaryInteger<TId>
{
    private readonly ParameterExpression _row;
    private readonly Expression _at;
    private readonly Expression _id;

    internal Keyset(LambdaExpression at, Expression<Func<T, TId>> id, PageOrder order)
    {
        _row = at.Parameters[0];
        _at = WithoutNullableLift(at.Body);
        _id = Rebind(id, _row);
        Order = order;
    }

    public PageOrder Order { get; }

    /// <summary>
    /// Reads a key from a URL for this list: malformed, out of range for its ids, or absent are all "no key"
    /// (the first page), never an error.
    /// </summary>
    public PageKey? Read(string? text) => PageKey.TryParse(text, out var key) && Fits(key) ? key : null;

    /// <summary>
    /// The rows strictly after <paramref name="after"/> (all of them without a key), in the list's order, at most
    /// <paramref name="size"/> + 1: the extra row only says there is a next page. Filter what the reader may see
    /// before this, so a key pointing anywhere can only move where the page starts.
    /// </summary>
    public IQueryable<T> After(IQueryable<T> rows, PageKey? after, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (after is { } key && Fits(key))
        {
            rows = rows.Where(StrictlyAfter(key));
        }

        var (first, then) = Order == PageOrder.NewestFirst
            ? (nameof(Queryable.OrderByDescending), nameof(Queryable.ThenByDescending))
            : (nameof(Queryable.OrderBy), nameof(Queryable.ThenBy));
        var ordered = SortBy(SortBy(rows, first, _at), then, _id);
        return ordered.Take(size + 1);
    }

    /// <summary>One page of rows, each read through <paramref name="select"/>, with the key of the next page.</summary>
    public async Task<Page<TRow>> ToPageAsync<TRow>(
        IQueryable<T> rows, PageKey? after, int size, Expression<Func<T, TRow>> select, CancellationToken cancellationToken)
    {
        var keyed = await After(rows, after, size).Select(WithKey(select)).ToListAsync(cancellationToken);
        return Keyset.PageOf(keyed, size, k => KeyOf(k.At, k.Id)).Map(k => k.Row);
    }

    /// <summary>The key of a row shown; its instant is never null in a list (the list's filter sees to that).</summary>
    private static PageKey KeyOf(DateTimeOffset? at, TId id) => new(
        at ?? throw new InvalidOperationException("A keyset-paged row has no instant; the list must filter such rows out."),
        long.CreateChecked(id));

    private static bool Fits(PageKey key) => long.CreateSaturating(TId.CreateSaturating(key.Id)) == key.Id;

    /// <summary>The one place the keyset condition is written: later in the order, or the same instant and a later id.</summary>
    private Expression<Func<T, bool>> StrictlyAfter(PageKey key)
    {
        // Read through an object's properties so EF Core sends the key as parameters and caches one plan for every page.
        var bound = Expression.Constant(new Bound(key.At, TId.CreateChecked(key.Id)));
        Expression at = Expression.Property(bound, nameof(Bound.At));
        if (_at.Type != at.Type)
        {
            at = Expression.Convert(at, _at.Type);
        }

        var id = Expression.Property(bound, nameof(Bound.Id));
        var condition = Expression.OrElse(
            Beyond(_at, at),
            Expression.AndAlso(Expression.Equal(_at, at), Beyond(_id, id)));
        return Expression.Lambda<Func<T, bool>>(condition, _row);
    }

    private BinaryExpression Beyond(Expression left, Expression right) =>
        Order == PageOrder.NewestFirst ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);

    private IQueryable<T> SortBy(IQueryable<T> rows, string method, Expression key) =>
        rows.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable),
            method,
            [typeof(T), key.Type],
            rows.Expression,
            Expression.Quote(Expression.Lambda(key, _row))));

    /// <summary>The caller's projection with the row's key beside it, in the same command.</summary>
    private Expression<Func<T, Keyed<TRow>>> WithKey<TRow>(Expression<Func<T, TRow>> select)
    {
        var at = _at.Type == typeof(DateTimeOffset?) ? _at : Expression.Convert(_at, typeof(DateTimeOffset?));
        var body = Expression.MemberInit(
            Expression.New(typeof(Keyed<TRow>)),
            Expression.Bind(typeof(Keyed<TRow>).GetProperty(nameof(Keyed<TRow>.At))!, at),
            Expression.Bind(typeof(Keyed<TRow>).GetProperty(nameof(Keyed<TRow>.Id))!, _id),
            Expression.Bind(typeof(Keyed<TRow>).GetProperty(nameof(Keyed<TRow>.Row))!, Rebind(select, _row)));
        return Expression.Lambda<Func<T, Keyed<TRow>>>(body, _row);
    }

    /// <summary>
    /// A selector written for a non-nullable instant arrives as (DateTimeOffset?)x.At; comparing the column itself
    /// keeps the SQL exactly what a hand-written condition gives, so the index still seeks.
    /// </summary>
    private static Expression WithoutNullableLift(Expression body) =>
        body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Operand.Type == typeof(DateTimeOffset)
            ? convert.Operand
            : body;

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression row) =>
        new Replace(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed record Bound(DateTimeOffset At, TId Id);

    private sealed class Keyed<TRow>
    {
        public DateTimeOffset? At { get; init; }

        public TId Id { get; init; }

        public TRow Row { get; init; } = default!;
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>Declares a list's keyset, and pages rows already read.</summary>
public static class Keyset
{
    public static Keyset<T, TId> NewestFirst<T, TId>(Expression<Func<T, DateTimeOffset?>> at, Expression<Func<T, TId>> id)
        where TId : struct, IBinaryInteger<TId> => new(at, id, PageOrder.NewestFirst);

    public static Keyset<T, TId> OldestFirst<T, TId>(Expression<Func<T, DateTimeOffset?>> at, Expression<Func<T, TId>> id)
        where TId : struct, IBinaryInteger<TId> => new(at, id, PageOrder.OldestFirst);

    /// <inheritdoc cref="Keyset{T, TId}.ToPageAsync{TRow}"/>
    public static Task<Page<TRow>> ToPageAsync<T, TId, TRow>(
        this IQueryable<T> rows,
        Keyset<T, TId> keyset,
        PageKey? after,
        int size,
        Expression<Func<T, TRow>> select,
        CancellationToken cancellationToken)
        where TId : struct, IBinaryInteger<TId> => keyset.ToPageAsync(rows, after, size, select, cancellationToken);

    /// <summary>
    /// A page from up to <paramref name="size"/> + 1 rows read in the list's order: the first
    /// <paramref name="size"/>, and the key of the last of them when the extra row shows there is more.
    /// </summary>
    public static Page<TRow> PageOf<TRow>(IReadOnlyList<TRow> rows, int size, Func<TRow, PageKey> keyOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return rows.Count > size
            ? new Page<TRow>([.. rows.Take(size)], keyOf(rows[size - 1]))
            : new Page<TRow>(rows, null);
    }

    internal static Page<TOut> Map<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new([.. page.Items.Select(map)], page.Next);
}
