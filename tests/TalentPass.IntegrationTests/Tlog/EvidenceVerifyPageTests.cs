using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.Tlog;

namespace TalentPass.IntegrationTests.Tlog;

/// <summary>The public page /evidence/verify, driven like a browser without JavaScript (multipart form with files).</summary>
public sealed partial class EvidenceVerifyPageTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(byte[] Document, string Bundle, long Index)> RecordAsync()
    {
        var document = Encoding.UTF8.GetBytes("Cooperation agreement " + Guid.NewGuid());
        var draft = new LedgerEntryDraft(LedgerKinds.Agreement, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(document)),
            ["bank-zhongyuan", "talent-office"], "tests", new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.Zero));
        var appended = await factory.WithScopeAsync(sp => sp.GetRequiredService<ILedger>().AppendAsync(draft, Ct));
        appended.IsSuccess.ShouldBeTrue(appended.Error?.Code);
        var index = appended.Value!.Index;
        var response = await factory.CreateAnonymousClient().GetAsync(new Uri($"/api/v1/ledger/entries/{index}/bundle", UriKind.Relative), Ct);
        var bundle = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, bundle);
        return (document, bundle, index);
    }

    private async Task<string> SubmitAsync(string bundle, byte[]? document, string culture = "en")
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + culture + "%7Cuic%3D" + culture);
        var page = await client.GetAsync(new Uri("/evidence/verify", UriKind.Relative), Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("verify-evidence"), "_handler" },
        };
        var bundleContent = new ByteArrayContent(Encoding.UTF8.GetBytes(bundle));
        bundleContent.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(bundleContent, "bundle", "entry.tlog-proof");
        if (document is not null)
        {
            form.Add(new ByteArrayContent(document), "document", "agreement.pdf");
        }

        var response = await client.PostAsync(new Uri("/evidence/verify", UriKind.Relative), form, Ct);
        var result = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result);
        return result;
    }

    [Fact]
    public async Task VerifyPage_DocumentAndItsBundle_ShowsRecordedAtIndexOnDate()
    {
        var (document, bundle, index) = await RecordAsync();

        var html = await SubmitAsync(bundle, document);

        html.ShouldContain("data-testid=\"verify-valid\"");
        html.ShouldContain($"Recorded at index {index} on 2026-11-02 09:30"); // business time, Asia/Shanghai
        html.ShouldContain("this is the document that was recorded");
        html.ShouldContain("<dd>Agreement</dd>");
    }

    [Fact]
    public async Task VerifyPage_InChinese_ShowsRecordInChinese()
    {
        var (document, bundle, index) = await RecordAsync();

        var html = await SubmitAsync(bundle, document, culture: "zh-CN");

        html.ShouldContain($"已记录：第 {index} 条，记录时间 2026-11-02 09:30");
        html.ShouldContain("文件摘要与存证记录一致");
    }

    [Fact]
    public async Task VerifyPage_OtherDocument_SaysItIsNotTheRecordedDocument()
    {
        var (_, bundle, _) = await RecordAsync();

        var html = await SubmitAsync(bundle, Encoding.UTF8.GetBytes("a different file"));

        html.ShouldContain("data-testid=\"verify-invalid\"");
        html.ShouldContain("The document does not match the record");
    }

    [Fact]
    public async Task VerifyPage_TamperedBundle_IsRefused()
    {
        var (document, bundle, _) = await RecordAsync();
        var proof = TlogProof.Parse(bundle);
        var forgedEntry = Encoding.ASCII.GetString(proof.Extra!).Replace("2026-11-02T01:30:00Z", "2025-01-01T00:00:00Z", StringComparison.Ordinal);
        var tampered = (proof with { Extra = Encoding.ASCII.GetBytes(forgedEntry) }).ToString();

        var html = await SubmitAsync(tampered, document);

        html.ShouldContain("data-testid=\"verify-invalid\"");
        html.ShouldContain("The record is not in the ledger the checkpoint proves");
    }

    [Fact]
    public async Task VerifyPage_NotABundle_SaysSo()
    {
        var html = await SubmitAsync("hello", null);

        html.ShouldContain("The uploaded file is not a valid proof bundle");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
