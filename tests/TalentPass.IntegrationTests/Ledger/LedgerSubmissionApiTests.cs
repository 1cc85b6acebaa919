using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Ledger.Demo;
using TalentPass.Modules.Ledger.Features.SubmitterKeys;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>Partner submissions (POST /api/v1/ledger/entries) signed with the organisation's registered key, and module appends.</summary>
public sealed class LedgerSubmissionApiTests(TalentPassFactory factory)
{
    private const string Time = "2026-11-02T03:04:05Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string KeyId => SubmitterKeysHandler.KeyIdOf(DemoPartnerKey.PublicKey);

    [Fact]
    public async Task Submit_SignedByTheBanksKey_IsAppendedAndTheSameEntryAgainReturnsItsIndex()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var body = SignedBody(LedgerApi.NewDigest());

        var first = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);
        var second = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await first.ReadJsonAsync();
        var again = await second.ReadJsonAsync();
        again.GetProperty("index").GetInt64().ShouldBe(created.GetProperty("index").GetInt64());
        again.GetProperty("alreadyRecorded").GetBoolean().ShouldBeTrue();
        var entry = JsonDocument.Parse(created.GetProperty("entry").GetString()!).RootElement;
        entry.GetProperty("submitter").GetString().ShouldBe("bank-zhongyuan");
        entry.GetProperty("sig").GetProperty("key").GetString().ShouldBe(KeyId);

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var found = await (await office.GetAsync(new Uri($"/api/v1/ledger/entries?digest={body["digest"]}", UriKind.Relative), Ct)).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Single().GetProperty("signed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_SignedByAnIndependentEd25519Implementation_IsAccepted()
    {
        // The request of docs/http/ledger.http, signed with Python's `cryptography` package (not our code) over
        // "talentpass-ledger-entry-v1\n" + the canonical statement README.md describes.
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var body = new
        {
            kind = "agreement",
            digest = "sha256:6ce4f15b4b2eb46283cf0681f41bd71b4b9d3bba4c216e91be7edc28fb650280",
            parties = new[] { "talent-office", "bank-zhongyuan" },
            time = "2026-11-20T08:00:00Z",
            reference = "agreement/http-demo-001",
            keyId = "c73a6201f5f59cfc",
            signature = "cnsWxl0l0xgWHoilCkNQ5pnf28/TfQmfnG4a30Q3e6RXxLtbNu6MFWuaBwq29tHcYdOUPUM8xGzqm37MCu8tAQ==",
        };

        var response = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        KeyId.ShouldBe("c73a6201f5f59cfc");
    }

    [Fact]
    public async Task Submit_SignatureOverOtherFields_IsRefusedAndNothingIsAppended()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var digest = LedgerApi.NewDigest();
        var body = SignedBody(digest);
        body["reference"] = "agreement/forged";

        var response = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ledger.signature_invalid");
        await ShouldNotBeRecordedAsync(digest);
    }

    [Fact]
    public async Task Submit_Unsigned_IsRefused()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var digest = LedgerApi.NewDigest();
        var body = SignedBody(digest);
        body.Remove("signature");

        var response = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ledger.signature_missing");
        await ShouldNotBeRecordedAsync(digest);
    }

    [Fact]
    public async Task Submit_UnknownKey_IsRefused()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var body = SignedBody(LedgerApi.NewDigest());
        body["keyId"] = "0000000000000000";

        var response = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ledger.submitter_key_unknown");
    }

    [Fact]
    public async Task Submit_Oversized_IsRefused()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        var body = SignedBody(LedgerApi.NewDigest());
        body["reference"] = new string('a', 20_000);

        var response = await bank.PostAsJsonAsync("/api/v1/ledger/entries", body, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ledger.entry_too_large");
    }

    [Fact]
    public async Task Submit_MalformedJson_IsRefused()
    {
        var bank = await factory.CreateClientAsAsync("demo-bank");
        using var content = new StringContent("{\"kind\": ", Encoding.UTF8, "application/json");

        var response = await bank.PostAsync(new Uri("/api/v1/ledger/entries", UriKind.Relative), content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task Submit_AsTalentOffice_IsForbidden()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");

        var response = await office.PostAsJsonAsync("/api/v1/ledger/entries", SignedBody(LedgerApi.NewDigest()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoData_HasBankAgreementsAndASignedPartnerReport()
    {
        var auditor = await factory.CreateClientAsAsync("demo-auditor");

        var agreements = await (await auditor.GetAsync(new Uri("/api/v1/ledger/entries?kind=agreement&party=bank-icbc", UriKind.Relative), Ct)).ReadJsonAsync();
        var reports = await (await auditor.GetAsync(new Uri("/api/v1/ledger/entries?kind=performance_report&party=bank-zhongyuan&reference=report/2026Q1", UriKind.Relative), Ct)).ReadJsonAsync();

        agreements.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("submitter").GetString() == "talentpass:demo");
        reports.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("signed").GetBoolean());
    }

    [Fact]
    public async Task SuspendingATalent_RecordsTheDecisionInTheLedger()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var id = await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName("链"));

        (await office.PostAsJsonAsync($"/api/v1/talents/{id}/status", new { status = "suspended", reason = "材料复核" }, Ct)).EnsureSuccessStatusCode();

        var found = await (await office.GetAsync(new Uri($"/api/v1/ledger/entries?reference=talent:{id}", UriKind.Relative), Ct)).ReadJsonAsync();
        var entry = found.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("kind").GetString().ShouldBe("suspension_decision");
        entry.GetProperty("submitter").GetString().ShouldBe("talentpass:talents");
        entry.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ShouldBe(["talent-office"]);
    }

    /// <summary>A partner request for the demo bank, signed over the canonical statement as README.md describes.</summary>
    private static Dictionary<string, object?> SignedBody(string digest)
    {
        var reference = "agreement/" + Guid.NewGuid().ToString("N")[..12];
        var statement = "{\"digest\":\"" + digest + "\",\"kind\":\"agreement\",\"parties\":[\"bank-zhongyuan\",\"talent-office\"],\"ref\":\"" + reference
            + "\",\"submitter\":\"bank-zhongyuan\",\"time\":\"" + Time + "\",\"v\":1}";
        var signature = DemoPartnerKey.Sign(Encoding.ASCII.GetBytes("talentpass-ledger-entry-v1\n" + statement));
        return new Dictionary<string, object?>
        {
            ["kind"] = "agreement",
            ["digest"] = digest,
            ["parties"] = new[] { "talent-office", "bank-zhongyuan" },
            ["time"] = Time,
            ["reference"] = reference,
            ["keyId"] = KeyId,
            ["signature"] = Convert.ToBase64String(signature),
        };
    }

    private async Task ShouldNotBeRecordedAsync(string digest)
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var found = await (await office.GetAsync(new Uri($"/api/v1/ledger/entries?digest={digest}", UriKind.Relative), Ct)).ReadJsonAsync();
        found.GetProperty("total").GetInt64().ShouldBe(0);
    }
}
