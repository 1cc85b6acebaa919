namespace TalentPass.SharedKernel;

/// <summary>The business time zone is Asia/Shanghai; instants are stored in UTC.</summary>
public static class BusinessTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToBusiness(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToBusiness(clock.GetUtcNow()).DateTime);
    }
}
