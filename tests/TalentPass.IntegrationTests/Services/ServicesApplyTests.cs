using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Services.Contracts;
using TalentPass.Modules.Services.Persistence;
using static TalentPass.IntegrationTests.Services.ServicesApi;

namespace TalentPass.IntegrationTests.Services;

/// <summary>Applying: one-click with 免审即享, clerk fall-back, window intake with identity check, bad input stores nothing.</summary>
public sealed class ServicesApplyTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneClick_EligibleYouth_ApprovedAtOnceWithExplanationRuleVersionAndEvidence()
    {
        var (talent, talentId, _) = await TalentAsync(factory);

        var response = await OneClickAsync(talent, "youth-living-subsidy");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var application = await response.ReadJsonAsync();
        var item = Item(application);
        item.GetProperty("status").GetString().ShouldBe("approved", item.ToString());
        item.GetProperty("autoDecided").GetBoolean().ShouldBeTrue();
        item.GetProperty("ruleVersion").GetString().ShouldBe("youth-living-2026.1");
        item.GetProperty("explanationZh").GetString()!.ShouldContain("✓ 在本市正常缴纳社会保险");
        item.GetProperty("explanationEn").GetString()!.ShouldContain("✓ Graduated within five years");
        item.GetProperty("explanationZh").GetString()!.ShouldNotContain("✗");
        item.GetProperty("amountFen").GetInt64().ShouldBe(150_000);
        item.GetProperty("payments").GetInt32().ShouldBe(36);
        var evidence = item.GetProperty("evidence").EnumerateArray().Select(e => e.GetGuid()).ToList();
        evidence.Count.ShouldBe(2);

        var sources = await factory.WithScopeAsync(async sp =>
        {
            var sharing = sp.GetRequiredService<IDataSharing>();
            var found = new List<string>();
            foreach (var id in evidence)
            {
                var answer = await sharing.GetAnswerAsync(id, Ct);
                answer.ShouldNotBeNull();
                answer.Outcome.ShouldBe(DataSharingOutcome.Found);
                found.Add(answer.Source);
            }

            return found;
        });
        sources.ShouldBe([DataSources.EducationCredentials, DataSources.SocialInsurance], ignoreOrder: true);

        var feed = await factory.WithScopeAsync(sp => sp.GetRequiredService<IServiceDecisionFeed>().ReadAsync(0, 10_000, Ct));
        feed.ShouldContain(e => e.Decision.TalentId == talentId && e.Decision.MatterCode == "youth-living-subsidy" && e.Decision.Outcome == "approved" && e.Decision.AmountFen == 150_000);
    }

    [Fact]
    public async Task OneClick_DataSharingUnavailable_GoesToAClerkWithTheReason()
    {
        var (talent, _, _) = await TalentAsync(factory, records: Records.Unavailable);

        var item = Item(await (await OneClickAsync(talent, "youth-living-subsidy")).ReadJsonAsync());

        item.GetProperty("status").GetString().ShouldBe("in_review");
        item.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("clerkReasonZh").GetString()!.ShouldContain("暂不可用");
        item.GetProperty("clerkReasonEn").GetString()!.ShouldContain("unavailable");
        var step = item.GetProperty("steps")[0];
        step.GetProperty("status").GetString().ShouldBe("open");
        step.GetProperty("departmentName").GetString()!.ShouldContain("组织人社局");
    }

    [Fact]
    public async Task OneClick_TalentLeftTheArea_GoesToAClerkNeverRefused()
    {
        var (talent, _, _) = await TalentAsync(factory, records: Records.LeftTheArea);

        var item = Item(await (await OneClickAsync(talent, "youth-housing-subsidy")).ReadJsonAsync());

        item.GetProperty("status").GetString().ShouldBe("in_review");
        item.GetProperty("clerkReasonEn").GetString()!.ShouldContain("social insurance");
        item.GetProperty("explanationZh").GetString()!.ShouldContain("✗ 在本市正常缴纳社会保险");
    }

    [Fact]
    public async Task OneClick_SameSubsidyTwice_SecondIsRefusedAsAlreadyGranted()
    {
        var (talent, talentId, _) = await TalentAsync(factory);
        (await OneClickAsync(talent, "youth-rent-subsidy")).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await OneClickAsync(talent, "youth-rent-subsidy")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.already_granted");

        (await CountItemsAsync(talentId)).ShouldBe(1);
    }

    [Fact]
    public async Task OneClick_NotEligibleLevel_RefusedWithCodeAndNothingStored()
    {
        var (talent, talentId, _) = await TalentAsync(factory, level: "e");

        await (await OneClickAsync(talent, "youth-living-subsidy")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.not_eligible");
        await (await OneClickAsync(talent, "medical-vip")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.not_eligible");

        (await CountItemsAsync(talentId)).ShouldBe(0);
    }

    [Fact]
    public async Task OneClick_HighLevelMedicalVip_GrantedWithoutReview()
    {
        var (talent, _, _) = await TalentAsync(factory, level: "c");

        var item = Item(await (await OneClickAsync(talent, "medical-vip")).ReadJsonAsync());

        item.GetProperty("status").GetString().ShouldBe("approved", item.ToString());
        item.GetProperty("explanationZh").GetString()!.ShouldContain("人才层次 c");
    }

    [Fact]
    public async Task Apply_MissingMaterials_RefusedWithTheMissingNamesAndNothingStored()
    {
        var (talent, talentId, _) = await TalentAsync(factory);

        var problem = await (await ApplyAsync(talent, "youth-household-registration", new() { ["diploma"] = "毕业证书.pdf" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.materials_missing");

        problem.GetProperty("errors").GetProperty("materials")[0].GetString()!.ShouldContain("在职证明");
        (await CountItemsAsync(talentId)).ShouldBe(0);
    }

    [Fact]
    public async Task Apply_OneClickOnlyMatterIsNotOneClick_Refused()
    {
        var (talent, _, _) = await TalentAsync(factory);

        await (await OneClickAsync(talent, "youth-household-registration")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.not_one_click");
        await (await OneClickAsync(talent, "no-such-matter")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "services.matter_not_found");
    }

    [Fact]
    public async Task Window_WrongIdNumber_RefusedAndNothingStored()
    {
        var (_, talentId, _) = await TalentAsync(factory);
        var staff = await factory.CreateClientAsAsync("demo-department");

        await (await WindowAsync(staff, talentId, NewIdNumber(), ("youth-household-registration", HouseholdMaterials)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "services.identity_mismatch");

        (await CountItemsAsync(talentId)).ShouldBe(0);
    }

    [Fact]
    public async Task Window_BundleOfTwoMatters_AcceptedWithIdentityCheckAndDepartmentsRunTogether()
    {
        var (_, talentId, idNumber) = await TalentAsync(factory);
        var staff = await factory.CreateClientAsAsync("demo-department"); // 科技局 window, a matter of 社会事业局: 全城通办

        var response = await WindowAsync(staff, talentId, idNumber,
            ("youth-household-registration", HouseholdMaterials),
            ("talent-apartment", new() { ["employment-proof"] = "在职证明.pdf" }));

        var application = await response.ReadJsonAsync();
        application.GetProperty("channel").GetString().ShouldBe("window");
        application.GetProperty("identityCheckedAt").ValueKind.ShouldBe(JsonValueKind.String);
        application.GetProperty("items").GetArrayLength().ShouldBe(2);
        foreach (var item in application.GetProperty("items").EnumerateArray())
        {
            item.GetProperty("status").GetString().ShouldBe("in_review");
            item.GetProperty("steps")[0].GetProperty("status").GetString().ShouldBe("open");
        }

        var accepted = DateOnly.Parse(application.GetProperty("acceptedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = await factory.WithScopeAsync(sp => sp.GetRequiredService<IWorkingDayCalendar>().AddWorkingDaysAsync(accepted, 5, Ct));
        application.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("matterCode").GetString() == "youth-household-registration")
            .GetProperty("dueOn").GetString().ShouldBe(expected.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        await (await WindowAsync(staff, talentId, idNumber, ("youth-household-registration", HouseholdMaterials)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "services.duplicate_application");
        (await CountItemsAsync(talentId)).ShouldBe(2);
    }

    [Fact]
    public async Task Window_TalentAccount_IsNotWindowStaff()
    {
        var (talent, talentId, idNumber) = await TalentAsync(factory);

        var response = await WindowAsync(talent, talentId, idNumber, ("talent-apartment", new() { ["employment-proof"] = "x" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OneClickBatch_ThreeTalents_SameRulesEligibleApprovedOthersCounted()
    {
        var (_, eligible, _) = await TalentAsync(factory);
        var (_, unavailable, _) = await TalentAsync(factory, records: Records.Unavailable);
        var (_, notYouth, _) = await TalentAsync(factory, level: "e");

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<IOneClickBatch>()
            .RunAsync("youth-living-subsidy", [eligible, unavailable, notYouth, eligible], 2, null, Ct));

        result.Requested.ShouldBe(4);
        result.Approved.ShouldBe(1);
        result.ToClerk.ShouldBe(1);
        result.Rejected.ShouldBe(new Dictionary<string, int> { ["services.not_eligible"] = 1 });
        (await CountItemsAsync(eligible)).ShouldBe(1);
        (await CountItemsAsync(notYouth)).ShouldBe(0);
    }

    private Task<int> CountItemsAsync(Guid talentId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<ServicesDbContext>().Items.CountAsync(i => i.TalentId == talentId, Ct));
}
