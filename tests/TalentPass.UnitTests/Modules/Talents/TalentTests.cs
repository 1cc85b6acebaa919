using TalentPass.Modules.Talents.Domain;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Talents;

public sealed class TalentTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeFieldProtector protector = new();

    private Talent NewTalent(string level = TalentLevel.C)
    {
        const string first17 = "41010519850312771";
        var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.CheckCharacter(first17)).Value!;
        return Talent.Register(Guid.NewGuid(), "张明华", id, level, "engineering", new DateOnly(2024, 3, 1), protector, Now);
    }

    [Fact]
    public void Register_IdNumber_EncryptedWithSuffixAndMaskedFormInClear()
    {
        var talent = NewTalent();

        talent.IdNumberCipher.ShouldStartWith("v1.");
        talent.IdNumberCipher.ShouldNotContain("4101051985");
        talent.IdSuffix.Length.ShouldBe(4);
        talent.IdMasked.ShouldStartWith("4101**********");
        talent.Gender.ShouldBe("male");
        talent.BirthDate.ShouldBe(new DateOnly(1985, 3, 12));
        talent.GetValue(ProfileFields.IdNumber, protector).ShouldStartWith("410105198503127");
    }

    [Fact]
    public void SetValue_Phone_StoresCipherHashAndMask()
    {
        var talent = NewTalent();

        talent.SetValue(ProfileFields.Phone, "13812345678", protector, Now);

        talent.PhoneMasked.ShouldBe("138****5678");
        talent.PhoneCipher!.ShouldNotContain("13812345678");
        talent.PhoneHash.ShouldBe(protector.BlindIndex(Talent.PhoneIndexKey("13812345678")));
        talent.GetValue(ProfileFields.Phone, protector).ShouldBe("13812345678");
        talent.GetValue(ProfileFields.Phone, null).ShouldBe("138****5678");
    }

    [Fact]
    public void ChangeLevel_NewLevel_HistoryEntryAndVersionBump()
    {
        var talent = NewTalent();
        var before = talent.Version;

        var entry = talent.ChangeLevel(Guid.NewGuid(), TalentLevel.B, null, new DateOnly(2026, 5, 1), "晋升", Guid.NewGuid(), Now);

        entry.Value!.FromLevel.ShouldBe(TalentLevel.C);
        entry.Value.ToLevel.ShouldBe(TalentLevel.B);
        talent.Level.ShouldBe(TalentLevel.B);
        talent.LevelEffectiveOn.ShouldBe(new DateOnly(2026, 5, 1));
        talent.Version.ShouldBe(before + 1);
    }

    [Fact]
    public void ChangeLevel_SameLevelAndCategory_Unchanged()
    {
        NewTalent().ChangeLevel(Guid.NewGuid(), TalentLevel.C, "engineering", new DateOnly(2026, 5, 1), "x", null, Now)
            .Error!.Code.ShouldBe("talents.level_unchanged");
    }

    [Fact]
    public void ChangeLevel_CategoryOnly_ChangesCategory()
    {
        var talent = NewTalent();

        talent.ChangeLevel(Guid.NewGuid(), TalentLevel.C, "medicine", new DateOnly(2026, 5, 1), "x", null, Now).IsSuccess.ShouldBeTrue();

        talent.Category.ShouldBe("medicine");
        talent.CategoryEffectiveOn.ShouldBe(new DateOnly(2026, 5, 1));
    }

    [Fact]
    public void ChangeLevel_UnknownLevel_Refused()
    {
        NewTalent().ChangeLevel(Guid.NewGuid(), "z", null, new DateOnly(2026, 5, 1), "x", null, Now).Error!.Code.ShouldBe("talents.level_unknown");
    }

    [Fact]
    public void ChangeStatus_Suspend_RecordsReasonAndTime()
    {
        var talent = NewTalent();

        talent.ChangeStatus("suspended", " 材料复核 ", Now.AddHours(1)).IsSuccess.ShouldBeTrue();

        talent.Status.ShouldBe(TalentStatus.Suspended);
        talent.StatusReason.ShouldBe("材料复核");
        talent.StatusChangedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void ChangeStatus_AfterTermination_Refused()
    {
        var talent = NewTalent();
        talent.ChangeStatus(TalentStatus.Terminated, "离开本地工作", Now);

        talent.ChangeStatus(TalentStatus.Active, "恢复", Now).Error!.Code.ShouldBe("talents.terminated");
        talent.ChangeLevel(Guid.NewGuid(), TalentLevel.A, null, new DateOnly(2026, 5, 1), "x", null, Now).Error!.Code.ShouldBe("talents.terminated");
    }

    [Fact]
    public void ChangeStatus_Same_Unchanged()
    {
        NewTalent().ChangeStatus(TalentStatus.Active, "x", Now).Error!.Code.ShouldBe("talents.status_unchanged");
    }

    [Fact]
    public void ChangeStatus_Unknown_Refused()
    {
        NewTalent().ChangeStatus("paused", "x", Now).Error!.Code.ShouldBe("talents.status_unknown");
    }
}

public sealed class ChangeRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    private static ChangeRequest NewRequest() =>
        ChangeRequest.Submit(Guid.NewGuid(), Guid.NewGuid(), ProfileFields.EducationSchool, "河南大学", Guid.NewGuid(), Now);

    [Fact]
    public void Approve_Pending_RecordsReviewer()
    {
        var request = NewRequest();
        var reviewer = Guid.NewGuid();

        request.Approve(reviewer, null, Now.AddHours(2)).IsSuccess.ShouldBeTrue();

        request.Status.ShouldBe(ChangeRequestStatus.Approved);
        request.ReviewerId.ShouldBe(reviewer);
        request.ReviewedAt.ShouldBe(Now.AddHours(2));
    }

    [Fact]
    public void Reject_WithoutReason_ReasonRequired()
    {
        var request = NewRequest();

        request.Reject(Guid.NewGuid(), "  ", Now).Error!.Code.ShouldBe("talents.reason_required");
        request.IsPending.ShouldBeTrue();
    }

    [Fact]
    public void Decide_Twice_NotPending()
    {
        var request = NewRequest();
        request.Reject(Guid.NewGuid(), "材料不符", Now);

        request.Approve(Guid.NewGuid(), null, Now).Error!.Code.ShouldBe("talents.change_request_not_pending");
        request.Reject(Guid.NewGuid(), "再次", Now).Error!.Code.ShouldBe("talents.change_request_not_pending");
    }
}
