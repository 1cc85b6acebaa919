using TalentPass.Modules.Subsidies.Domain;
using TalentPass.Modules.Subsidies.Features.Batches;
using TalentPass.Modules.Subsidies.Features.Schedules;
using TalentPass.Modules.Subsidies.Persistence;

namespace TalentPass.UnitTests.Modules.Subsidies;

public sealed class SubsidyRulesTests
{
    [Theory]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("2000-01", 2000, 1)]
    public void ParseMonth_YyyyMm_FirstDayOfTheMonth(string text, int year, int month) =>
        Months.Parse(text).ShouldBe(new DateOnly(year, month, 1));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("1999-12")]
    [InlineData("2026/12")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseMonth_Malformed_Null(string? text) => Months.Parse(text).ShouldBeNull();

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(150_000, "1500.00")]
    [InlineData(123_456, "1234.56")]
    [InlineData(-250, "-2.50")]
    public void Yuan_Fen_TwoDecimals(long fen, string yuan) => BatchService.Yuan(fen).ShouldBe(yuan);

    [Theory]
    [InlineData("active", "suspended", "active", "paused", "talent_suspended")]
    [InlineData("active", "terminated", null, "stopped", "talent_terminated")]
    [InlineData("paused", "terminated", "talent_suspended", "stopped", "talent_terminated")]
    [InlineData("paused", "active", "talent_suspended", "active", "talent_suspended")]
    public void TalentStatus_ScheduleFollows(string status, string talentStatus, string? reason, string expected, string expectedReason)
    {
        var schedule = new ScheduleRow { Status = status, StatusReason = reason };

        SubsidiesTalentEventHandler.ScheduleTransitionsFor(schedule, talentStatus).ShouldBe((expected, expectedReason));
    }

    [Theory]
    [InlineData("paused", "active", "office_decision")] // paused by the office is not resumed by a reinstatement
    [InlineData("stopped", "active", "left_area")]
    [InlineData("completed", "terminated", null)]
    [InlineData("active", "active", null)]
    public void TalentStatus_NothingToDo_Null(string status, string talentStatus, string? reason) =>
        SubsidiesTalentEventHandler.ScheduleTransitionsFor(new ScheduleRow { Status = status, StatusReason = reason }, talentStatus).ShouldBeNull();
}
