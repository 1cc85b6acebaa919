using TalentPass.SharedKernel;
using TalentPass.StandIns.DataSharing;

namespace TalentPass.UnitTests.StandIns;

public sealed class DemoRecordsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static string Id(string sequence)
    {
        var body = "41010519900101" + sequence;
        return body + ResidentIdNumber.CheckCharacter(body);
    }

    [Fact]
    public void Find_SameNumberTwice_SameRecord()
    {
        var first = DemoRecords.Find(DemoRecords.SocialInsurance, Id("531"), Today);
        var second = DemoRecords.Find(DemoRecords.SocialInsurance, Id("531"), Today);

        first.ShouldNotBeNull();
        second.ShouldBe(first);
    }

    [Fact]
    public void Find_OrdinaryResident_ContributingUntilLastMonth()
    {
        var record = DemoRecords.Find(DemoRecords.SocialInsurance, Id("531"), Today)!;

        record["contributing"].ShouldBe(true);
        record["lastContributionMonth"].ShouldBe("2026-10");
    }

    [Fact]
    public void Find_SequenceCode01x_LeftTheAreaThreeMonthsAgo()
    {
        var record = DemoRecords.Find(DemoRecords.SocialInsurance, Id("013"), Today)!;

        record["contributing"].ShouldBe(false);
        record["lastContributionMonth"].ShouldBe("2026-08");
    }

    [Theory]
    [InlineData(DemoRecords.HouseholdRegistration)]
    [InlineData(DemoRecords.EducationCredentials)]
    [InlineData(DemoRecords.SocialInsurance)]
    [InlineData(DemoRecords.BusinessRegistration)]
    [InlineData(DemoRecords.Tax)]
    public void Find_SequenceCode00x_NotFoundAnywhere(string source) =>
        DemoRecords.Find(source, Id("005"), Today).ShouldBeNull();

    [Theory]
    [InlineData("021", DemoRecords.SocialInsurance)]
    [InlineData("031", DemoRecords.HouseholdRegistration)]
    [InlineData("041", DemoRecords.EducationCredentials)]
    [InlineData("541", DemoRecords.BusinessRegistration)]
    public void Find_CaseWithoutThatSource_NotFoundThereOnly(string sequence, string source)
    {
        DemoRecords.Find(source, Id(sequence), Today).ShouldBeNull();
        DemoRecords.Find(DemoRecords.Tax, Id(sequence), Today).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("121", "bachelor")]
    [InlineData("541", "master")]
    [InlineData("771", "doctorate")]
    public void Find_SecondSequenceDigit_DecidesTheDegree(string sequence, string degree) =>
        DemoRecords.Find(DemoRecords.EducationCredentials, Id(sequence), Today)!["degree"].ShouldBe(degree);

    [Theory]
    [InlineData("051", "Garbage")]
    [InlineData("061", "SchemaMismatch")]
    [InlineData("071", "Unavailable")]
    [InlineData("081", "Slow")]
    [InlineData("091", "Ordinary")]
    [InlineData("771", "Ordinary")]
    public void CaseOf_SequenceCode_TheDocumentedCase(string sequence, string expected) =>
        DemoRecords.CaseOf(Id(sequence)).ToString().ShouldBe(expected);

    [Fact]
    public void Find_DemoTalent_OrdinaryDoctorateWithABusiness()
    {
        var id = "410105198503127717";

        DemoRecords.CaseOf(id).ShouldBe(DemoRecords.Case.Ordinary);
        DemoRecords.Find(DemoRecords.EducationCredentials, id, Today)!["degree"].ShouldBe("doctorate");
        DemoRecords.Find(DemoRecords.BusinessRegistration, id, Today).ShouldNotBeNull();
    }
}
