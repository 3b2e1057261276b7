using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareStories.Domain.Data;

/// <summary>
/// Stores instants as UTC ticks: SQLite has no date type that sorts and compares correctly with offsets,
/// and a plain integer is the same on every provider. Readers get UTC back and show it in their own zone.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
