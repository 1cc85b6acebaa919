using TalentPass.Modules.Talents.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Talents;

public sealed class ProfileEditorTests
{
    private static readonly Dictionary<string, string?> Current = new(StringComparer.Ordinal)
    {
        [ProfileFields.Name] = "张明华",
        [ProfileFields.EducationSchool] = "郑州大学",
        [ProfileFields.Phone] = "13800000000",
        [ProfileFields.Honours] = "一等奖\n二等奖",
    };

    private static Result<ProfileEditPlan> Plan(
        Dictionary<string, string?> submitted,
        string[]? verified = null,
        string[]? pending = null) =>
        ProfileEditor.Plan(
            submitted,
            key => Current.GetValueOrDefault(key),
            (verified ?? []).ToHashSet(StringComparer.Ordinal),
            (pending ?? []).ToHashSet(StringComparer.Ordinal),
            2026);

    [Fact]
    public void Plan_UnverifiedField_AppliedAtOnce()
    {
        var plan = Plan(new() { [ProfileFields.Phone] = " 13912345678 " });

        plan.Value!.Apply.ShouldHaveSingleItem().ShouldBe(new(ProfileFields.Phone, "13912345678"));
        plan.Value.Request.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_VerifiedField_BecomesChangeRequest()
    {
        var plan = Plan(new() { [ProfileFields.EducationSchool] = "河南大学" }, verified: [ProfileFields.EducationSchool]);

        plan.Value!.Request.ShouldHaveSingleItem().ShouldBe(new(ProfileFields.EducationSchool, "河南大学"));
        plan.Value.Apply.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_VerifiedFieldWithPendingRequest_ConflictCode()
    {
        var plan = Plan(new() { [ProfileFields.EducationSchool] = "河南大学" }, verified: [ProfileFields.EducationSchool], pending: [ProfileFields.EducationSchool]);

        plan.Error!.Code.ShouldBe("talents.change_request_pending");
        plan.Error.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public void Plan_UnchangedVerifiedValue_NoRequest()
    {
        var plan = Plan(new() { [ProfileFields.EducationSchool] = " 郑州大学 ", [ProfileFields.Honours] = "一等奖\n\n 二等奖 " }, verified: [ProfileFields.EducationSchool]);

        plan.Value!.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Plan_ReadOnlyField_Refused()
    {
        var plan = Plan(new() { [ProfileFields.IdNumber] = "410105198503127715" });

        plan.Error!.Code.ShouldBe("request.invalid");
        plan.Error.Fields!.Keys.ShouldContain(ProfileFields.IdNumber);
    }

    [Fact]
    public void Plan_OneInvalidField_RefusesWholeEdit()
    {
        var plan = Plan(new() { [ProfileFields.Phone] = "12345", [ProfileFields.EducationMajor] = "物理学" });

        plan.Error!.Fields!.Keys.ShouldBe([ProfileFields.Phone]);
    }

    [Fact]
    public void Plan_OverLongText_PerFieldMessage()
    {
        var plan = Plan(new() { [ProfileFields.EducationSchool] = new string('校', 101) });

        plan.Error!.Fields![ProfileFields.EducationSchool][0].ShouldContain("100");
    }

    [Fact]
    public void Plan_EmptyName_RequiredMessage()
    {
        var plan = Plan(new() { [ProfileFields.Name] = "  " });

        plan.Error!.Fields!.Keys.ShouldContain(ProfileFields.Name);
    }

    [Theory]
    [InlineData("1939")]
    [InlineData("2037")]
    [InlineData("20x0")]
    public void Plan_GraduationYearOutOfRange_Refused(string year)
    {
        Plan(new() { [ProfileFields.EducationGraduationYear] = year }).Error!.Fields!.Keys.ShouldContain(ProfileFields.EducationGraduationYear);
    }

    [Fact]
    public void Plan_DegreeCode_NormalisedToLowerCase()
    {
        Plan(new() { [ProfileFields.EducationDegree] = "Master" }).Value!.Apply.ShouldHaveSingleItem().Value.ShouldBe("master");
    }
}
