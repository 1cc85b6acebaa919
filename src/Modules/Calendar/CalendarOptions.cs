namespace TalentPass.Modules.Calendar;

/// <summary>Configuration section <c>Calendar</c>.</summary>
internal sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// How long a node trusts its in-memory copy of the loaded years before it compares revisions with the database
    /// (multi-node: a year loaded on another node is seen within this time; the node that loads it sees it at once).
    /// </summary>
    public int CacheSeconds { get; set; } = 30;
}
