using System.Diagnostics;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Codes.Features.IssueCode;

namespace TalentPass.IntegrationTests.Codes;

/// <summary>Interoperability: the QR images decode with zbar (an independent decoder) to exactly the code text.</summary>
public sealed class CodesQrTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QrPng_OfTheCodeOfMyCode_DecodesWithZbarToExactlyTheCode()
    {
        var code = await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent"));

        var decoded = await ZbarAsync(QrImages.Png(code));

        decoded.ShouldBe(code);
        QrImages.Version(code).ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public async Task GetMyQrPng_Talent_NoStorePngThatDecodesToAValidCode()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await talent.GetAsync(new Uri("/api/v1/codes/me/qr.png", UriKind.Relative), Ct);
        var png = await response.Content.ReadAsByteArrayAsync(Ct);
        var decoded = await ZbarAsync(png);
        var scanned = await CodesApi.VerifyAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), decoded);

        response.Content.Headers.ContentType?.MediaType.ShouldBe("image/png");
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        decoded.ShouldStartWith("TC1:");
        scanned.GetProperty("outcome").GetString().ShouldBe("valid");
        scanned.GetProperty("maskedName").GetString().ShouldBe("张*华");
    }

    [Fact]
    public async Task QrPng_OfAStaticCode_FitsVersionTenAndDecodes()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var issued = await (await talent.PostAsync(new Uri("/api/v1/codes/me/static", UriKind.Relative), null, Ct)).ReadJsonAsync();
        var code = issued.GetProperty("code").GetString()!;

        var decoded = await ZbarAsync(QrImages.Png(code));

        decoded.ShouldBe(code);
        QrImages.Version(code).ShouldBeLessThanOrEqualTo(10);
    }

    private static async Task<string> ZbarAsync(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"talentpass-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png, Ct);
        try
        {
            var start = new ProcessStartInfo("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("zbarimg (Debian package zbar-tools) could not be started.");
            var output = await process.StandardOutput.ReadToEndAsync(Ct);
            var error = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            process.ExitCode.ShouldBe(0, error);
            return output.TrimEnd('\n', '\r');
        }
        finally
        {
            File.Delete(path);
        }
    }
}
