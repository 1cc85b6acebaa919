namespace TalentPass.Modules.Consultations;

/// <summary>Settings of section <c>Consultations</c>.</summary>
internal sealed class ConsultationsOptions
{
    public const string Section = "Consultations";

    /// <summary>The provider answers within this many working days (the day the question is asked is not counted).</summary>
    public int AnswerWorkingDays { get; set; } = 5;
}
