using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Features.Shared;

namespace TalentPass.UnitTests.Modules.Recognition;

public sealed class ScoreAggregationTests
{
    [Fact]
    public void Aggregate_FewerThanThreeScores_GivesNoResult() =>
        ScoreAggregation.Aggregate([90, 80]).ShouldBeNull();

    [Fact]
    public void Aggregate_ThreeOrFourScores_AveragesAll()
    {
        var three = ScoreAggregation.Aggregate([70, 74, 77])!;
        (three.Mean, three.Counted, three.Trimmed).ShouldBe((73.67m, 3, false));
        ScoreAggregation.Aggregate([100, 0, 50, 50])!.Mean.ShouldBe(50m);
    }

    [Fact]
    public void Aggregate_FiveOrMoreScores_DropsOneHighestAndOneLowest()
    {
        var five = ScoreAggregation.Aggregate([95, 82, 84, 80, 60])!;
        (five.Mean, five.Counted, five.Scores, five.Trimmed).ShouldBe((82m, 3, 5, true));

        // ties: only one of each extreme is dropped
        ScoreAggregation.Aggregate([90, 90, 70, 70, 80])!.Mean.ShouldBe(80m);
        ScoreAggregation.Aggregate([100, 100, 100, 100, 0, 0])!.Mean.ShouldBe(75m);
    }

    [Fact]
    public void Aggregate_RoundsHalfAwayFromZeroToTwoDecimals() =>
        ScoreAggregation.Aggregate([1, 1, 0])!.Mean.ShouldBe(0.67m);
}

public sealed class CriteriaCatalogueTests
{
    [Fact]
    public void Current_IsTheVersionedDemoCatalogue_WithEveryGrantableLevel()
    {
        var catalogue = CriteriaCatalogue.Current;
        catalogue.Version.ShouldBe("2026.1-demo");
        catalogue.IsDemo.ShouldBeTrue();
        catalogue.Criteria.Select(c => c.Level).Distinct().Order().ShouldBe(RecognitionLevels.Grantable.Order());
        catalogue.Criteria.Select(c => c.Code).ShouldBeUnique();
        catalogue.Find("youth-graduate")!.DataSource.ShouldBe("education_credentials");
    }

    [Theory]
    [InlineData(95, "b")]
    [InlineData(90, "b")]
    [InlineData(89.99, "c")]
    [InlineData(80, "c")]
    [InlineData(73.67, "d")]
    [InlineData(60, "e")]
    [InlineData(59.99, null)]
    public void LevelForScore_UsesTheThresholds(double mean, string? level) =>
        CriteriaCatalogue.Current.LevelForScore((decimal)mean).ShouldBe(level);
}

public sealed class RecognitionLevelsTests
{
    [Theory]
    [InlineData("e", "c", true)]
    [InlineData("reserve", "youth", true)]
    [InlineData("c", "c", false)]
    [InlineData("b", "c", false)]
    [InlineData("youth", "social", false)]
    [InlineData(null, "social", true)]
    public void Raises_OnlyAHigherRank(string? from, string to, bool raises) =>
        RecognitionLevels.Raises(from, to).ShouldBe(raises);

    [Theory]
    [InlineData("博士", "doctorate")]
    [InlineData("Master", "master")]
    [InlineData("本科", "bachelor")]
    [InlineData("", null)]
    public void NormaliseDegree_AcceptsCodesAndChineseNames(string raw, string? expected) =>
        CriteriaMatcher.NormaliseDegree(raw).ShouldBe(expected);
}
