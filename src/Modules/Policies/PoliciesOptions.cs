namespace TalentPass.Modules.Policies;

/// <summary>Settings of the Policies module (section <c>Policies</c>).</summary>
internal sealed class PoliciesOptions
{
    public const string Section = "Policies";

    /// <summary>How often the expiry job looks for approved versions that expire within 60 days.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Usernames (the talent office) told when a version expires within 60 days.</summary>
    public List<string> ExpiryRecipients { get; set; } = [];
}
