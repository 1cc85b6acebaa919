using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Domain;

/// <summary>
/// The compact rights summary a level carries in its code (MISSION.md N: medical green channel for A–D and their
/// family, schooling for A–D children, housing, vehicle services, …). The full, versioned rights catalogue belongs
/// to the Rights module; until it exists this fixed table is the policy, and the summary is only a hint for the
/// scanning side (online verification is authoritative).
/// </summary>
internal static class LevelRights
{
    private const RightsSummary Everyone = RightsSummary.Consumer | RightsSummary.GovernmentServices;

    private const RightsSummary HighLevel =
        RightsSummary.MedicalGreenChannel | RightsSummary.Schooling | RightsSummary.Housing | RightsSummary.Vehicle
        | RightsSummary.Finance | RightsSummary.FamilyCovered | Everyone;

    private static readonly (RightsSummary Flag, string Name)[] Names =
    [
        (RightsSummary.MedicalGreenChannel, "medical_green_channel"),
        (RightsSummary.Schooling, "schooling"),
        (RightsSummary.Housing, "housing"),
        (RightsSummary.Vehicle, "vehicle"),
        (RightsSummary.Consumer, "consumer"),
        (RightsSummary.Finance, "finance"),
        (RightsSummary.GovernmentServices, "government_services"),
        (RightsSummary.FamilyCovered, "family_covered"),
    ];

    public static RightsSummary For(string level) => level switch
    {
        "a" or "b" or "c" or "d" => HighLevel,
        "e" => RightsSummary.Housing | RightsSummary.Finance | Everyone,
        "youth" => RightsSummary.Housing | Everyone,
        "social" => RightsSummary.Finance | Everyone,
        _ => Everyone,
    };

    /// <summary>Stable snake_case names of the set flags, in bit order (what the API returns).</summary>
    public static IReadOnlyList<string> ToNames(RightsSummary rights)
    {
        var names = new List<string>(8);
        foreach (var (flag, name) in Names)
        {
            if ((rights & flag) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }
}

/// <summary><see cref="Contracts.ILevelRights"/> over the fixed table.</summary>
internal sealed class LevelRightsCatalog : Contracts.ILevelRights
{
    public IReadOnlyList<string> RightsFor(string level) => LevelRights.ToNames(LevelRights.For(level));
}
