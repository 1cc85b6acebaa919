using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Partners;

public sealed class PartnerOnboardingTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Application_ApprovedByTalentOffice_PartnerCanCallTheApiAndAgreementIsEvidence()
    {
        var code = PartnersApi.UniqueCode();
        var agreement = Encoding.UTF8.GetBytes("协议全文 " + code);
        var id = await PartnersApi.SubmitAsync(factory.CreateAnonymousClient(), code, agreement);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var queue = await (await office.GetAsync(new Uri($"/api/v1/partner-applications?status=pending&q={code}", UriKind.Relative), Ct)).ReadJsonAsync();
        var details = await (await office.GetAsync(new Uri($"/api/v1/partner-applications/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
        var partner = PartnersApi.Read(await (await office.PostAsJsonAsync($"/api/v1/partner-applications/{id}/approve", new { }, Ct)).ReadJsonAsync());
        var again = await office.PostAsJsonAsync($"/api/v1/partner-applications/{id}/approve", new { }, Ct);

        queue.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([id]);
        var expectedHex = Convert.ToHexStringLower(SHA256.HashData(agreement));
        details.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "agreement").GetProperty("sha256").GetString().ShouldBe(expectedHex);
        partner.AgreementDigest.ShouldBe("sha256:" + expectedHex);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "partners.application_already_decided");

        var signed = await (await PartnersApi.Signed(factory, partner).GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct)).ReadJsonAsync();
        signed.GetProperty("code").GetString().ShouldBe(code);
        signed.GetProperty("kind").GetString().ShouldBe("financial");
        signed.GetProperty("keyId").GetString().ShouldBe(partner.KeyId);

        var staff = await factory.CreateClientAsAsync(partner.StaffUsername, partner.StaffPassword);
        (await (await staff.GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("organisationId").GetGuid().ShouldBe(partner.OrganisationId);

        var record = await (await office.GetAsync(new Uri($"/api/v1/partners/{partner.OrganisationId}", UriKind.Relative), Ct)).ReadJsonAsync();
        record.GetProperty("partner").GetProperty("agreementLedgerIndex").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        record.GetProperty("partner").GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task Application_WithoutAgreement_Returns400AndNothingStored()
    {
        var code = PartnersApi.UniqueCode();
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/partner-applications", PartnersApi.ApplicationBody(code, PartnersApi.UniqueLicenceCode(), null), Ct);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partners.agreement_missing");
        var list = await (await office.GetAsync(new Uri($"/api/v1/partner-applications?status=&q={code}", UriKind.Relative), Ct)).ReadJsonAsync();
        list.GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Application_BadLicenceCode_Returns400()
    {
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync(
            "/api/v1/partner-applications",
            PartnersApi.ApplicationBody(PartnersApi.UniqueCode(), "914101000000000000", [1, 2, 3]),
            Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partners.licence_code_invalid");
    }

    [Fact]
    public async Task Application_RefusedWithoutReason_Is400_WithReason_IsRefused()
    {
        var id = await PartnersApi.SubmitAsync(factory.CreateAnonymousClient(), PartnersApi.UniqueCode(), [1, 2, 3]);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var noReason = await office.PostAsJsonAsync($"/api/v1/partner-applications/{id}/refuse", new { reason = " " }, Ct);
        var refused = await (await office.PostAsJsonAsync($"/api/v1/partner-applications/{id}/refuse", new { reason = "协议未盖章" }, Ct)).ReadJsonAsync();

        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partners.reason_required");
        refused.GetProperty("status").GetString().ShouldBe("refused");
        refused.GetProperty("decisionReason").GetString().ShouldBe("协议未盖章");
    }

    [Fact]
    public async Task PartnerStaff_ReviewApplications_Returns403()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");

        var response = await bank.GetAsync(new Uri("/api/v1/partner-applications", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Operator_OnboardsConsumerPartner_TalentOfficeMayNot()
    {
        var code = PartnersApi.UniqueCode("shop");
        object Body(string c) => new
        {
            name = "示例商户 " + c,
            code = c,
            licenceCode = PartnersApi.UniqueLicenceCode(),
            contactName = "赵店长",
            contactPhone = "13800000000",
            staffUsername = c + "-admin",
            agreementBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("operating agreement " + c)),
        };
        var op = await factory.CreateClientAsAsync("demo-operator");
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var onboarded = PartnersApi.Read(await (await op.PostAsJsonAsync("/api/v1/partners/consumer", Body(code), Ct)).ReadJsonAsync());
        var refused = await office.PostAsJsonAsync("/api/v1/partners/consumer", Body(PartnersApi.UniqueCode("shop")), Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var me = await (await PartnersApi.Signed(factory, onboarded).GetAsync(new Uri("/api/v1/partners/me", UriKind.Relative), Ct)).ReadJsonAsync();
        me.GetProperty("kind").GetString().ShouldBe("consumer");
    }

    [Fact]
    public async Task Partner_Suspended_ApiRefused_Reinstated_Works_Left_IsFinal()
    {
        var partner = await PartnersApi.OnboardAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var signed = PartnersApi.Signed(factory, partner);
        var staff = await factory.CreateClientAsAsync(partner.StaffUsername, partner.StaffPassword);
        var me = new Uri("/api/v1/partners/me", UriKind.Relative);

        (await office.PostAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/status", new { action = "suspend", reason = "违规发卡" }, Ct)).EnsureSuccessStatusCode();
        await (await signed.GetAsync(me, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "partners.partner_not_active");
        await (await staff.GetAsync(me, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "partners.partner_not_active");

        (await office.PostAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/status", new { action = "reinstate", reason = "整改完成" }, Ct)).EnsureSuccessStatusCode();
        (await signed.GetAsync(me, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await office.PostAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/status", new { action = "leave", reason = "主动退出" }, Ct)).EnsureSuccessStatusCode();
        var reinstateLeft = await office.PostAsJsonAsync($"/api/v1/partners/{partner.OrganisationId}/status", new { action = "reinstate", reason = "再次合作" }, Ct);
        await reinstateLeft.ShouldBeProblemAsync(HttpStatusCode.Conflict, "partners.status_transition_invalid");
        await (await signed.GetAsync(me, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "partners.partner_not_active");

        var details = await (await office.GetAsync(new Uri($"/api/v1/partners/{partner.OrganisationId}", UriKind.Relative), Ct)).ReadJsonAsync();
        var history = details.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("toStatus").GetString()).ShouldBe(["left", "active", "suspended"]);
        history.ShouldAllBe(h => h.GetProperty("ledgerIndex").ValueKind == System.Text.Json.JsonValueKind.Number);
    }

    [Fact]
    public async Task PartnerStatus_ChangeByBank_Returns403()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var partner = Guid.NewGuid();

        var response = await bank.PostAsJsonAsync($"/api/v1/partners/{partner}/status", new { action = "suspend", reason = "x" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
