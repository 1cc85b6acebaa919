using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentPass.Infrastructure.Persistence;

/// <summary>
/// SQLite cannot order or compare <see cref="DateTimeOffset"/> text, so modules store instants there as UTC ticks
/// (<c>INTEGER</c>). One mapping for every module that does so.
/// </summary>
public static class SqliteInstants
{
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    /// <summary>Maps every <see cref="DateTimeOffset"/> property of the model to UTC ticks (call only for SQLite).</summary>
    public static void StoreInstantsAsUtcTicks(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(UtcTicks);
            property.SetColumnType("INTEGER");
        }
    }
}
