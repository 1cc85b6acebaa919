using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Policies;
using TalentPass.Modules.Policies.Contracts;
using TalentPass.Modules.Policies.Features.Expiry;
using TalentPass.Modules.Policies.Features.Manage;
using TalentPass.Modules.Policies.Persistence;
using static TalentPass.IntegrationTests.Policies.PoliciesApi;

namespace TalentPass.IntegrationTests.Policies;

/// <summary>
/// Policy versions (M-16, M-22) through the API: the approval trail draft → proposed → joint-meeting reviewed →
/// leading-group approved, immutability after approval, supersession, the registry other modules read, expiry
/// warnings and every refusal.
/// </summary>
public sealed class PolicyApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approve_AfterProposalAndReview_RecordsTheTrailAndEvidenceAndFreezesTheVersion()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var approver = await factory.CreateClientAsAsync(Approver);
        var label = NewLabel();
        var draft = await DraftAsync(office, label);
        var id = draft.GetProperty("id").GetGuid();
        draft.GetProperty("status").GetString().ShouldBe("draft");
        draft.GetProperty("validTo").GetString().ShouldBe(Day(Today.AddYears(2).AddDays(-1))); // two years by default

        var edited = await office.PutAsJsonAsync($"/api/v1/policies/{id}", new { titleEn = "Edited while a draft" }, Ct);
        (await edited.ReadJsonAsync()).GetProperty("titleEn").GetString().ShouldBe("Edited while a draft");

        (await StepAsync(office, id, "propose")).EnsureSuccessStatusCode();
        (await StepAsync(office, id, "review", "minutes")).EnsureSuccessStatusCode();
        var approved = await (await StepAsync(approver, id, "approve", "decision")).ReadJsonAsync();

        approved.GetProperty("status").GetString().ShouldBe("approved");
        approved.GetProperty("effective").GetString().ShouldBe("in_force");
        approved.GetProperty("ledgerIndex").ValueKind.ShouldBe(JsonValueKind.Number);
        var trail = approved.GetProperty("trail").EnumerateArray().ToList();
        trail.Select(s => s.GetProperty("step").GetString()).ShouldBe(["drafted", "proposed", "reviewed", "approved"]);
        trail[2].GetProperty("minutesDigest").GetString().ShouldBe("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("minutes"u8)));
        trail[3].GetProperty("actorName").GetString().ShouldNotBe(trail[1].GetProperty("actorName").GetString());

        var edit = await office.PutAsJsonAsync($"/api/v1/policies/{id}", new { titleEn = "Changed after approval" }, Ct);
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "policies.approved_immutable");
        await (await StepAsync(office, id, "propose")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "policies.approved_immutable");
        var after = await (await office.GetAsync(new Uri($"/api/v1/policies/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
        after.GetProperty("titleEn").GetString().ShouldBe("Edited while a draft");
        after.GetProperty("trail").GetArrayLength().ShouldBe(4);

        var registry = await factory.WithScopeAsync(sp => sp.GetRequiredService<IPolicyRegistry>().ListInForceAsync("rules", Today, Ct));
        registry.ShouldContain(p => p.Version == label && p.Status == "approved");
    }

    [Fact]
    public async Task Approve_ByTheProposer_IsRefusedAndNothingChanges()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = (await DraftAsync(office, NewLabel())).GetProperty("id").GetGuid();
        (await StepAsync(office, id, "propose")).EnsureSuccessStatusCode();
        (await StepAsync(office, id, "review", "minutes")).EnsureSuccessStatusCode();

        await (await StepAsync(office, id, "approve", "decision")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "policies.same_approver");

        var after = await (await office.GetAsync(new Uri($"/api/v1/policies/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
        after.GetProperty("status").GetString().ShouldBe("reviewed");
        after.GetProperty("trail").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Steps_OutOfOrderOrWithoutMinutes_AreRefused()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var approver = await factory.CreateClientAsAsync(Approver);
        var id = (await DraftAsync(office, NewLabel())).GetProperty("id").GetGuid();

        await (await StepAsync(approver, id, "approve", "decision")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "policies.wrong_step");
        await (await StepAsync(office, id, "review", "minutes")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "policies.wrong_step");
        (await StepAsync(office, id, "propose")).EnsureSuccessStatusCode();
        await (await StepAsync(office, id, "review")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "policies.minutes_required");
        var edit = await office.PutAsJsonAsync($"/api/v1/policies/{id}", new { titleEn = "Edited after proposal" }, Ct);
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "policies.not_draft");

        var after = await (await office.GetAsync(new Uri($"/api/v1/policies/{id}", UriKind.Relative), Ct)).ReadJsonAsync();
        after.GetProperty("status").GetString().ShouldBe("proposed");
    }

    [Fact]
    public async Task Draft_WithBadInput_IsRefusedWithClearCodes()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        async Task Refused(object body, HttpStatusCode status, string code) =>
            await (await office.PostAsJsonAsync("/api/v1/policies", body, Ct)).ShouldBeProblemAsync(status, code);

        await Refused(new { kind = "laws", label = NewLabel(), titleZh = "甲", titleEn = "A", documentText = "x" }, HttpStatusCode.BadRequest, "policies.kind_invalid");
        await Refused(new { kind = "rules", label = "Bad Label!", titleZh = "甲", titleEn = "A", documentText = "x" }, HttpStatusCode.BadRequest, "policies.label_invalid");
        await Refused(new { kind = "rules", label = "youth-living-2026.1", titleZh = "甲", titleEn = "A", documentText = "x" }, HttpStatusCode.Conflict, "policies.label_taken");
        await Refused(new { kind = "rules", label = NewLabel(), titleZh = "甲", titleEn = "A", validFrom = "2026-05-01", validTo = "2026-04-30", documentText = "x" }, HttpStatusCode.BadRequest, "policies.validity_invalid");
        await Refused(new { kind = "rules", label = NewLabel(), titleZh = "甲", titleEn = "A", documentDigest = "md5:abc" }, HttpStatusCode.BadRequest, "policies.digest_invalid");
        var draft = (await DraftAsync(office, NewLabel())).GetProperty("id").GetGuid();
        await Refused(new { kind = "rules", label = NewLabel(), titleZh = "甲", titleEn = "A", documentText = "x", supersedesId = draft }, HttpStatusCode.BadRequest, "policies.supersedes_invalid");

        var talent = await factory.CreateClientAsAsync("demo-talent");
        (await talent.GetAsync(new Uri("/api/v1/policies", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var auditor = await factory.CreateClientAsAsync("demo-auditor");
        (await auditor.PostAsJsonAsync("/api/v1/policies", new { kind = "rules" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NewVersion_ThatSupersedes_TakesOverWithoutRewritingTheOld()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var approver = await factory.CreateClientAsAsync(Approver);
        var oldLabel = NewLabel("old");
        var old = await ApprovedAsync(office, approver, oldLabel, "amounts", Today.AddDays(-100));
        var oldId = old.GetProperty("id").GetGuid();
        var newLabel = NewLabel("new");
        var successor = await ApprovedAsync(office, approver, newLabel, "amounts", Today, supersedesId: oldId);

        successor.GetProperty("supersedes").GetProperty("label").GetString().ShouldBe(oldLabel);
        var oldNow = await (await office.GetAsync(new Uri($"/api/v1/policies/{oldId}", UriKind.Relative), Ct)).ReadJsonAsync();
        oldNow.GetProperty("status").GetString().ShouldBe("approved");
        oldNow.GetProperty("effective").GetString().ShouldBe("superseded");
        oldNow.GetProperty("validTo").GetString().ShouldBe(old.GetProperty("validTo").GetString());
        oldNow.GetProperty("supersededBy")[0].GetProperty("label").GetString().ShouldBe(newLabel);

        var (inForce, found) = await factory.WithScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<IPolicyRegistry>();
            return (await registry.ListInForceAsync("amounts", Today, Ct), await registry.FindAsync(oldLabel, Ct));
        });
        inForce.ShouldContain(p => p.Version == newLabel);
        inForce.ShouldNotContain(p => p.Version == oldLabel);
        found.ShouldNotBeNull().Status.ShouldBe("approved");
    }

    [Fact]
    public async Task Seed_ContainsTheVersionsTheDemoDataUses()
    {
        var found = await factory.WithScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<IPolicyRegistry>();
            var list = new List<PolicyVersionInfo?>();
            foreach (var label in new[] { "youth-living-2026.1", "medical-vip-2026.1", "2026.1-demo", "rights-2026.1", "matters-2026.1", "amounts-2026.1" })
            {
                list.Add(await registry.FindAsync(label, Ct));
            }

            return list;
        });
        found.ShouldAllBe(p => p != null && p.Status == "approved");
        found[0]!.Kind.ShouldBe("rules");
        (found[0]!.ValidTo.DayNumber - found[0]!.ValidFrom.DayNumber).ShouldBeGreaterThan(700); // two years
    }

    [Fact]
    public async Task Expiry_VersionEndingWithin60Days_IsListedAndTheTalentOfficeIsToldOnce()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var approver = await factory.CreateClientAsAsync(Approver);
        var label = NewLabel("exp");
        var id = (await ApprovedAsync(office, approver, label, "rules", Today.AddDays(-700), Today.AddDays(30))).GetProperty("id").GetGuid();

        var expiring = await (await office.GetAsync(new Uri("/api/v1/policies/expiring", UriKind.Relative), Ct)).ReadJsonAsync();
        expiring.EnumerateArray().ShouldContain(p => p.GetProperty("label").GetString() == label && p.GetProperty("expiresInDays").GetInt32() == 30);

        // One round with the approver as recipient (the test host's own job has no recipients configured).
        async Task RoundAsync() => await factory.WithScopeAsync(async sp =>
        {
            var warnings = new ExpiryWarnings(
                sp.GetRequiredService<PoliciesDbContext>(),
                sp.GetRequiredService<PolicyWorkflow>(),
                sp.GetRequiredService<IAccountDirectory>(),
                sp,
                Options.Create(new PoliciesOptions { ExpiryRecipients = [Approver] }),
                TimeProvider.System);
            return await warnings.RunAsync(Ct);
        });
        await RoundAsync();
        await RoundAsync();

        var inbox = await (await approver.GetAsync(new Uri($"/api/v1/notifications?q={label}", UriKind.Relative), Ct)).ReadJsonAsync();
        var items = inbox.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("topic").GetString() == "policies.expiring").ToList();
        items.Count.ShouldBe(1);
        items[0].GetProperty("link").GetString().ShouldBe($"/policies/{id}");
    }

    [Fact]
    public async Task PolicyPages_ShowTheExpiryBannerAndTheApprovalTrail()
    {
        var browser = await CookieBrowser.SignInAsync(factory, "demo-talentoffice");
        var list = await browser.GetPageAsync("/policies?kind=rules");
        list.ShouldContain("data-testid=\"expiry-banner\"");
        list.ShouldContain("talent-apartment-2025.1");
        list.ShouldContain("youth-living-2026.1");

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var page = await (await office.GetAsync(new Uri("/api/v1/policies?q=rights-2026.1", UriKind.Relative), Ct)).ReadJsonAsync();
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var detail = await browser.GetPageAsync($"/policies/{id}");
        detail.ShouldContain("data-step=\"approved\"");
        detail.ShouldContain("领导小组秘书（示例）");
        detail.ShouldContain("rights-2027.1"); // the proposed successor
    }
}
