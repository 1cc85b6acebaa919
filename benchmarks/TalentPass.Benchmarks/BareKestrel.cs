using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TalentPass.Verifier;

namespace TalentPass.Benchmarks;

/// <summary>
/// <c>TalentPass.Benchmarks bare-kestrel --port P</c>: the limits of the online verification benchmark
/// (benchmarks/codes-online.sh), a Kestrel app with nothing else — no authentication, no database, no logging, no
/// middleware:
/// <list type="bullet">
/// <item><c>POST /plain</c> reads the body and answers a fixed JSON object of the verify response's size (the HTTP limit);</item>
/// <item><c>POST /verify</c> reads <c>{"code"}</c> and checks it with <see cref="TalentCode.Verify"/> against an in-memory
/// es256 key (the HTTP + signature limit); <c>GET /code</c> hands out codes signed with that key.</item>
/// </list>
/// </summary>
internal static class BareKestrel
{
    private static readonly byte[] Fixed = JsonSerializer.SerializeToUtf8Bytes(new
    {
        outcome = "valid",
        reason = "有效的人才码 / A valid talent code.",
        level = "c",
        category = "engineering",
        maskedName = "张*华",
        rights = new[] { "medical_green_channel", "schooling", "housing", "vehicle", "consumer", "finance", "government_services", "family_covered" },
        mode = "static",
        expiresAt = "2027-05-20T10:00:00+00:00",
        scanId = Guid.Empty,
        scannedAt = "2026-11-21T10:00:00+00:00",
    });

    public static async Task<int> RunAsync(string[] args)
    {
        var port = args is ["--port", var p] ? int.Parse(p, CultureInfo.InvariantCulture) : 5399;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();

        var privateKey = CodeKeys.GeneratePrivateKey(CodeProfiles.Es256);
        var signer = CodeKeys.CreateSigner(CodeProfiles.Es256, privateKey);
        var key = CodeKeys.CreateVerificationKey(CodeProfiles.Es256, CodeKeys.ExportPublicKey(CodeProfiles.Es256, privateKey));
        var keys = new CodeKeyRing([key]);

        app.MapPost("/plain", async (HttpContext context) =>
        {
            await ReadAsync(context);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Fixed);
        });
        app.MapPost("/verify", async (HttpContext context) =>
        {
            var body = await ReadAsync(context);
            var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();
            var result = TalentCode.Verify(code, keys, TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(30));
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                outcome = VerificationResult.OutcomeCode(result.Outcome),
                level = result.Claims?.Level,
                maskedName = result.Claims?.MaskedName,
                expiresAt = result.Claims?.ExpiresAt,
            });
        });
        app.MapGet("/code", () =>
        {
            var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
            return TalentCode.Encode(
                new TalentCodeClaims
                {
                    Issuer = "CN-410100-ZYKJC",
                    SubjectId = Guid.NewGuid().ToByteArray(),
                    IssuedAt = now,
                    ExpiresAt = now.AddDays(180),
                    Level = "c",
                    Category = "engineering",
                    StatusListId = 1,
                    StatusListIndex = (uint)Random.Shared.Next(131_072),
                    Rights = RightsSummary.MedicalGreenChannel | RightsSummary.Schooling,
                    MaskedName = "张*华",
                    Mode = CodeMode.Static,
                },
                signer);
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
