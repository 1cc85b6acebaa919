namespace TalentPass.Modules.Governance.Domain;

/// <summary>What a rule's decision does.</summary>
internal static class RuleEffects
{
    /// <summary>All rights: the talent's registry status becomes <c>suspended</c> (code, cards, webhooks follow).</summary>
    public const string SuspendAll = "suspend_all";

    /// <summary>One partner's rights: a restriction kept in Governance (the registry status is untouched).</summary>
    public const string SuspendPartner = "suspend_partner";

    /// <summary>Termination (M-14) on one of <see cref="TerminationGrounds"/>: final in the registry.</summary>
    public const string Terminate = "terminate";

    public static IReadOnlyList<string> All { get; } = [SuspendAll, SuspendPartner, Terminate];
}

/// <summary>Who owns a rule (its remit).</summary>
internal static class RuleOwners
{
    public const string TalentOffice = "talent_office";
    public const string BigDataBureau = "big_data_bureau";
    public const string Partner = "partner";
}

/// <summary>The four grounds of M-14.</summary>
internal static class TerminationGrounds
{
    public const string LeftArea = "left_area";
    public const string FalseMaterials = "false_materials";
    public const string SeriousViolation = "serious_violation";
    public const string OtherUnsuitable = "other_unsuitable";

    public static IReadOnlyList<string> All { get; } = [LeftArea, FalseMaterials, SeriousViolation, OtherUnsuitable];
}

internal static class CaseStatuses
{
    /// <summary>Notice sent; the response period runs or ran out; waiting for a decision.</summary>
    public const string Noticed = "noticed";

    /// <summary>Decided with the rule's effect (suspended, restricted or terminated).</summary>
    public const string Decided = "decided";

    /// <summary>Decided without effect.</summary>
    public const string Dismissed = "dismissed";

    /// <summary>The effect was lifted (reinstatement or an upheld appeal).</summary>
    public const string Reinstated = "reinstated";
}

internal static class CaseOutcomes
{
    public const string Suspended = "suspended";
    public const string Restricted = "restricted";
    public const string Terminated = "terminated";
    public const string Dismissed = "dismissed";
}

internal static class DecisionKinds
{
    public const string Suspension = "suspension";
    public const string Termination = "termination";
    public const string Dismissal = "dismissal";
    public const string Reinstatement = "reinstatement";
    public const string Appeal = "appeal";
}

internal static class AppealStatuses
{
    public const string Pending = "pending";
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";
}

internal static class SignalKinds
{
    /// <summary>One code scanned at two different organisations within the window.</summary>
    public const string TwoPlaces = "two_places";

    /// <summary>A static code scanned shortly after a dynamic code of the same talent at another organisation.</summary>
    public const string StaticAfterDynamic = "static_after_dynamic";
}

internal static class SignalStatuses
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
}
