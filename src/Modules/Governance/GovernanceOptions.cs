using System.ComponentModel.DataAnnotations;

namespace TalentPass.Modules.Governance;

/// <summary>Settings of the Governance module (section <c>Governance</c>).</summary>
internal sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>How often the rule engine evaluates the active rules.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the signal detector reads the scan log.</summary>
    public TimeSpan SignalInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The scan log is read up to this far behind now (the scan writer writes a little after the scan).</summary>
    public TimeSpan SignalLag { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One code scanned at two different organisations within this many minutes is a signal.</summary>
    [Range(1, 1440)]
    public int TwoPlacesMinutes { get; set; } = 30;

    /// <summary>The talent may appeal a decision within this many working days.</summary>
    [Range(1, 60)]
    public int AppealWorkingDays { get; set; } = 15;

    /// <summary>An appeal is to be decided within this many working days of filing.</summary>
    [Range(1, 60)]
    public int AppealDecisionWorkingDays { get; set; } = 10;

    /// <summary>Most candidate talents the engine looks at per condition and run.</summary>
    [Range(1, 100_000)]
    public int EvaluationBatch { get; set; } = 2000;
}
