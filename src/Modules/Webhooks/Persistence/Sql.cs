using System.Data.Common;

namespace TalentPass.Modules.Webhooks.Persistence;

/// <summary>Raw ADO.NET helpers binding values the way the EF model stores them (ticks on SQLite, timestamptz on PostgreSQL).</summary>
internal static class Sql
{
    public static object Instant(DateTimeOffset value, bool sqlite) => sqlite ? value.UtcTicks : value.ToUniversalTime();

    public static object Instant(DateTimeOffset? value, bool sqlite) => value is { } v ? Instant(v, sqlite) : DBNull.Value;

    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal, bool sqlite) =>
        sqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}
