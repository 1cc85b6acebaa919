namespace TalentPass.Verifier;

/// <summary>Dynamic codes refresh on the talent's phone; static codes are printed and accepted only where a right allows it.</summary>
public enum CodeMode
{
    Dynamic = 0,
    Static = 1,
}

/// <summary>
/// The compact rights summary carried in a code: families of rights the level gives (the full list comes from the
/// rights catalogue online). Bit values are part of the TC1 format — never renumber.
/// </summary>
[Flags]
public enum RightsSummary : uint
{
    None = 0,
    MedicalGreenChannel = 1 << 0,
    Schooling = 1 << 1,
    Housing = 1 << 2,
    Vehicle = 1 << 3,
    Consumer = 1 << 4,
    Finance = 1 << 5,
    GovernmentServices = 1 << 6,
    FamilyCovered = 1 << 7,
}

/// <summary>
/// The claims of a talent code (payload of the COSE_Sign1). No raw personal data: the subject is an opaque random id,
/// the name is masked. Instants are whole seconds (UTC).
/// </summary>
public sealed record TalentCodeClaims
{
    /// <summary>Issuer id of the deployment (configuration, e.g. "CN-410100-ZYKJC").</summary>
    public required string Issuer { get; init; }

    /// <summary>Opaque subject id (16 random bytes per talent, not derived from the ID number).</summary>
    public required ReadOnlyMemory<byte> SubjectId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Level code as in the registry: a, b, c, d, e, youth, social, reserve.</summary>
    public required string Level { get; init; }

    /// <summary>Category code as in the registry, e.g. science, medicine.</summary>
    public required string Category { get; init; }

    public required uint StatusListId { get; init; }

    public required uint StatusListIndex { get; init; }

    public required RightsSummary Rights { get; init; }

    /// <summary>Masked display name, e.g. 张*华.</summary>
    public required string MaskedName { get; init; }

    public CodeMode Mode { get; init; } = CodeMode.Dynamic;
}
