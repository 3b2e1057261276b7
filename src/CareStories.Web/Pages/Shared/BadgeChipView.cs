using CareStories.Domain.Catalogue;

namespace CareStories.Web.Pages.Shared;

/// <summary>A badge as people see it: its emoji and name in its colour (<c>_BadgeChip</c>).</summary>
public sealed record BadgeChipView(string Name, string? Emoji, BadgeColour Colour);
