namespace TalentPass.Modules.Codes.Contracts;

/// <summary>
/// The rights summary a level carries (stable snake_case names, as in a code's verification answer). The Rights
/// module replaces the fixed table behind it.
/// </summary>
public interface ILevelRights
{
    IReadOnlyList<string> RightsFor(string level);
}
