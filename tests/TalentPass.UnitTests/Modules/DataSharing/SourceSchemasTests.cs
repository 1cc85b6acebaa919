using System.Text.Json;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.DataSharing.Domain;

namespace TalentPass.UnitTests.Modules.DataSharing;

public sealed class SourceSchemasTests
{
    private const string Valid = """
        {"employerName":"河南省科学院","employerCreditCode":"12410000415800118B","contributionMonths":38,"contributing":true,
         "firstContributionMonth":"2023-09","lastContributionMonth":"2026-10","extra":"ignored"}
        """;

    [Fact]
    public void TryRead_CompleteRecord_FieldsAsInvariantStringsWithoutExtras()
    {
        using var json = JsonDocument.Parse(Valid);

        SourceSchemas.TryRead(DataSources.SocialInsurance, json.RootElement, out var fields, out var problem).ShouldBeTrue(problem);

        fields["contributionMonths"].ShouldBe("38");
        fields["contributing"].ShouldBe("true");
        fields.ContainsKey("extra").ShouldBeFalse();
    }

    [Theory]
    [InlineData("\"contributing\":true", "\"contributing\":\"yes\"", "record.contributing is not a boolean")]
    [InlineData("\"contributionMonths\":38", "\"contributionMonths\":\"38\"", "record.contributionMonths is not a integer")]
    [InlineData("\"lastContributionMonth\":\"2026-10\"", "\"lastContributionMonth\":\"2026-13\"", "record.lastContributionMonth is not a month")]
    [InlineData("\"employerName\":\"河南省科学院\",", "", "record.employerName is missing")]
    public void TryRead_BrokenField_NamesIt(string from, string to, string expected)
    {
        using var json = JsonDocument.Parse(Valid.Replace(from, to, StringComparison.Ordinal));

        SourceSchemas.TryRead(DataSources.SocialInsurance, json.RootElement, out _, out var problem).ShouldBeFalse();

        problem.ShouldBe(expected);
    }

    [Theory]
    [InlineData(DataSharingOutcome.Found, "found")]
    [InlineData(DataSharingOutcome.NotFound, "not_found")]
    [InlineData(DataSharingOutcome.Unavailable, "unavailable")]
    [InlineData(DataSharingOutcome.Invalid, "invalid")]
    public void Code_RoundTrips(DataSharingOutcome outcome, string code)
    {
        SourceSchemas.Code(outcome).ShouldBe(code);
        SourceSchemas.Parse(code).ShouldBe(outcome);
    }
}
