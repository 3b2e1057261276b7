using System.Linq.Expressions;
using CareStories.Domain.Fixes;
using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Fixes;

/// <summary>A fix in a list: the fixes list, a team's open fixes, a story's fixes.</summary>
public sealed record FixRow(
    int Id,
    string Title,
    int TeamId,
    string TeamName,
    FixStatus Status,
    string? OwnerName,
    DateOnly? TargetDate,
    string RaisedByName,
    DateTimeOffset RaisedAt,
    int Stories)
{
    /// <summary>Newest raised first, by key; the (RaisedAt, Id) index and the filters' own indexes serve it.</summary>
    public static readonly Keyset<Fix, int> NewestRaised = Keyset.NewestFirst((Fix f) => f.RaisedAt, f => f.Id);

    public static readonly Expression<Func<Fix, FixRow>> Select = f => new FixRow(
        f.Id, f.Title, f.TeamId, f.Team.Name, f.Status, f.Owner == null ? null : f.Owner.DisplayName, f.TargetDate,
        f.RaisedBy.DisplayName, f.RaisedAt, f.Stories.Count);

    public bool IsOverdue(DateOnly today) => Status.IsOpen() && TargetDate is { } target && target < today;
}

/// <summary>What <c>_FixList</c> shows: the rows, and today for the overdue marks.</summary>
public sealed record FixListView(IReadOnlyList<FixRow> Rows, DateOnly Today);
