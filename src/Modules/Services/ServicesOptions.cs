namespace TalentPass.Modules.Services;

/// <summary>Settings of the Services module (section <c>Services</c>).</summary>
internal sealed class ServicesOptions
{
    public const string Section = "Services";

    /// <summary>How often the deadline job looks for warnings, escalations, unknown due dates and undelivered decisions.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Usernames told when an item is overdue (the talent office, a department head).</summary>
    public List<string> EscalationRecipients { get; set; } = [];

    /// <summary>Department organisation code → usernames told one working day before a due date and when it is overdue.</summary>
    public Dictionary<string, List<string>> DepartmentContacts { get; set; } = [];
}
