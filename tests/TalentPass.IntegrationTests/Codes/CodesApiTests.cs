using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Codes;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Modules.Codes.Features.Keys;
using TalentPass.Modules.Codes.Features.Subjects;
using TalentPass.Modules.Codes.Persistence;
using TalentPass.Modules.Talents.Features.Access;
using TalentPass.Modules.Talents.Persistence;
using TalentPass.SharedKernel;
using TalentPass.Verifier;

namespace TalentPass.IntegrationTests.Codes;

public sealed class CodesApiTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMyCode_DemoTalent_DynamicCodeWithLevelMaskedNameAndQr()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await talent.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct);
        var body = await response.ReadJsonAsync();

        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        body.GetProperty("code").GetString()!.ShouldStartWith("TC1:");
        body.GetProperty("mode").GetString().ShouldBe("dynamic");
        body.GetProperty("level").GetString().ShouldBe("c");
        body.GetProperty("category").GetString().ShouldBe("engineering");
        body.GetProperty("maskedName").GetString().ShouldBe("张*华");
        body.GetProperty("periodSeconds").GetInt32().ShouldBe(30);
        body.GetProperty("refreshAfterSeconds").GetInt32().ShouldBeInRange(1, 30);
        (body.GetProperty("expiresAt").GetDateTimeOffset() - body.GetProperty("issuedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromSeconds(30));
        body.GetProperty("rights").EnumerateArray().Select(r => r.GetString()).ShouldContain("medical_green_channel");
        body.GetProperty("qrSvg").GetString()!.ShouldContain("<svg");
    }

    [Fact]
    public async Task GetMyCode_TalentAccountWithoutProfile_NotFound()
    {
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("nocode");
        await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
        var talent = await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);

        var response = await talent.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "codes.no_talent");
    }

    [Fact]
    public async Task GetMyCode_SuspendedTalent_NotEligible()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        await CodesApi.SetStatusAsync(await factory.CreateClientAsAsync("demo-talentoffice"), id, "suspended");

        var response = await talent.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "codes.not_eligible");
    }

    [Fact]
    public async Task GetMyCode_Staff_Forbidden()
    {
        var staff = await factory.CreateClientAsAsync(CodesApi.ServicePoint);

        var response = await staff.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory]
    [InlineData(CodesApi.ServicePoint)]
    [InlineData(CodesApi.Partner)]
    public async Task Verify_FreshCodeByScanningStaff_ValidWithClaimsAndScanId(string scanner)
    {
        var code = await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent"));

        var result = await CodesApi.VerifyAsync(await factory.CreateClientAsAsync(scanner), code);

        result.GetProperty("outcome").GetString().ShouldBe("valid");
        result.GetProperty("reason").GetString()!.ShouldNotBeNullOrWhiteSpace();
        result.GetProperty("level").GetString().ShouldBe("c");
        result.GetProperty("maskedName").GetString().ShouldBe("张*华");
        result.GetProperty("mode").GetString().ShouldBe("dynamic");
        result.GetProperty("rights").EnumerateArray().Select(r => r.GetString()).ShouldContain("schooling");
        result.GetProperty("scanId").GetGuid().ShouldNotBe(Guid.Empty);
        result.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(result.GetProperty("scannedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("demo-talent")]
    [InlineData("demo-talentoffice")]
    [InlineData("demo-auditor")]
    public async Task Verify_RoleThatDoesNotScan_Forbidden(string username)
    {
        var client = await factory.CreateClientAsAsync(username);

        var response = await CodesApi.PostVerifyAsync(client, "TC1:ABC");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Verify_Anonymous_Unauthenticated()
    {
        var response = await CodesApi.PostVerifyAsync(factory.CreateAnonymousClient(), "TC1:ABC");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Verify_ContentLengthOverLimit_RefusedBeforeParsing()
    {
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        // Not even JSON: a parser would answer 400; the size check answers first.
        using var content = new ByteArrayContent(new byte[64 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await scanner.PostAsync(new Uri("/api/v1/codes/verify", UriKind.Relative), content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Verify_ChunkedBodyOverLimit_RefusedBeforeParsing()
    {
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"code\":\"" + new string('A', 10_000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/codes/verify") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await scanner.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\":\"  \"}")]
    [InlineData("{\"code\":null}")]
    public async Task Verify_NoCode_ValidationProblem(string body)
    {
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await scanner.PostAsync(new Uri("/api/v1/codes/verify", UriKind.Relative), content, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "codes.code_missing");
        problem.GetProperty("errors").GetProperty("code").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"code\":")]
    [InlineData("[\"TC1:\"]")]
    [InlineData("{\"code\":42}")]
    [InlineData("TC1:ABC")]
    public async Task Verify_BodyNotTheRequestObject_Malformed(string body)
    {
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await scanner.PostAsync(new Uri("/api/v1/codes/verify", UriKind.Relative), content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("TC1:")]
    [InlineData("TC1:%%%%")]
    [InlineData("HC1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRR+%3")]
    public async Task Verify_NotATalentCode_MalformedOutcome(string code)
    {
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);

        var result = await CodesApi.VerifyAsync(scanner, code);

        result.GetProperty("outcome").GetString().ShouldBe("malformed");
        result.GetProperty("level").ValueKind.ShouldBe(JsonValueKind.Null);
        result.GetProperty("maskedName").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Verify_OneCharacterChanged_NeverValid()
    {
        var code = await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent"));
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var position = code.Length / 2;
        var altered = code[..position] + (code[position] == 'A' ? 'B' : 'A') + code[(position + 1)..];

        var outcome = await CodesApi.OutcomeAsync(scanner, altered);

        outcome.ShouldBeOneOf("invalid_signature", "malformed");
    }

    [Fact]
    public async Task Verify_CodePastItsWindow_Expired()
    {
        var code = await SignWithServerKeyAsync(TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(-4));

        var outcome = await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), code);

        outcome.ShouldBe("expired");
    }

    [Fact]
    public async Task Verify_CodeWithinOneStepOfTolerance_Valid()
    {
        var code = await SignWithServerKeyAsync(TimeSpan.FromSeconds(-40), TimeSpan.FromSeconds(-10));

        var outcome = await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), code);

        outcome.ShouldBe("valid");
    }

    [Fact]
    public async Task Verify_CodeSignedByAnUnknownKey_UnknownKey()
    {
        var stranger = CodeKeys.CreateSigner(CodeProfiles.Es256, CodeKeys.GeneratePrivateKey(CodeProfiles.Es256));
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var code = TalentCode.Encode(Claims(now, now.AddSeconds(30)), stranger);

        var outcome = await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), code);

        outcome.ShouldBe("unknown_key");
    }

    [Fact]
    public async Task Verify_AfterSuspension_SuspendedAtOnceAndValidAgainAfterReactivation()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var code = await CodesApi.MyCodeTextAsync(talent);
        (await CodesApi.OutcomeAsync(scanner, code)).ShouldBe("valid");

        await CodesApi.SetStatusAsync(office, id, "suspended");
        var suspended = await CodesApi.VerifyAsync(scanner, code);
        await CodesApi.SetStatusAsync(office, id, "active");
        var reactivated = await CodesApi.OutcomeAsync(scanner, code);

        suspended.GetProperty("outcome").GetString().ShouldBe("suspended");
        suspended.GetProperty("maskedName").GetString().ShouldNotBeNull();
        reactivated.ShouldBe("valid");
    }

    [Fact]
    public async Task Verify_SuspensionWhoseInProcessEventWasLost_TurnsRedFromTheDurableFeed()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var code = await CodesApi.MyCodeTextAsync(talent);
        (await CodesApi.OutcomeAsync(scanner, code)).ShouldBe("valid");

        // As if the process died right after the registry committed: the change and its feed row are stored, but no
        // in-process handler (the status list's) ever ran.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TalentsDbContext>();
            var noHandlers = new TalentEventPublisher([], NullLogger<TalentEventPublisher>.Instance);
            var writer = new TalentChangeWriter(db, noHandlers, TimeProvider.System);
            var tracked = await db.Talents.SingleAsync(t => t.Id == id, Ct);
            (await writer.ChangeStatusAsync(tracked, "suspended", "规则暂停", null, "test/lost-event", Ct)).IsSuccess.ShouldBeTrue();
            return 0;
        });

        var outcome = "valid";
        for (var attempt = 0; attempt < 150 && outcome == "valid"; attempt++)
        {
            await Task.Delay(200, Ct);
            outcome = await CodesApi.OutcomeAsync(scanner, code);
        }

        outcome.ShouldBe("suspended");
    }

    [Fact]
    public async Task StatusCache_ListCreatedByAnotherNodeSinceItsLastRefresh_IsReadBeforeAnswering()
    {
        // "Node B": its own status cache, loaded before another node creates a new list with a suspended entry.
        var nodeB = new StatusCache(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IOptions<CodesOptions>>(), TimeProvider.System);
        await nodeB.EnsureLoadedAsync(Ct);
        var (listId, index) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CodesDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            var id = await db.StatusLists.MaxAsync(l => l.Id, Ct) + 1;
            db.StatusLists.Add(new StatusListRow { Id = id, Size = 131_072, Version = 1, CreatedAt = now, UpdatedAt = now });
            db.Subjects.Add(new SubjectRow
            {
                TalentId = Guid.NewGuid(),
                SubjectId = Guid.NewGuid().ToByteArray(),
                StatusListId = id,
                StatusListIndex = 4242,
                Status = (int)EntryStatus.Suspended,
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(Ct);
            return (id, 4242);
        });
        await Task.Delay(150, Ct); // past the 100 ms floor between refreshes

        await nodeB.EnsureHoldsAsync((uint)listId, Ct);

        nodeB.Get((uint)listId, (uint)index).ShouldBe(EntryStatus.Suspended);
        nodeB.Dispose();
    }

    [Fact]
    public async Task Verify_AfterTermination_Terminated()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        var code = await CodesApi.MyCodeTextAsync(talent);

        await CodesApi.SetStatusAsync(await factory.CreateClientAsAsync("demo-talentoffice"), id, "terminated");
        var outcome = await CodesApi.OutcomeAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), code);

        outcome.ShouldBe("terminated");
    }

    [Fact]
    public async Task GetMyCode_AfterLevelChange_NextCodeCarriesTheNewLevel()
    {
        var (talent, id, _) = await CodesApi.FreshTalentAsync(factory);
        (await CodesApi.MyCodeAsync(talent)).GetProperty("level").GetString().ShouldBe("e");

        await CodesApi.SetLevelAsync(await factory.CreateClientAsAsync("demo-talentoffice"), id, "b");
        var next = await CodesApi.MyCodeAsync(talent);
        var scanned = await CodesApi.VerifyAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), next.GetProperty("code").GetString());

        next.GetProperty("level").GetString().ShouldBe("b");
        scanned.GetProperty("level").GetString().ShouldBe("b");
        scanned.GetProperty("rights").EnumerateArray().Select(r => r.GetString()).ShouldContain("medical_green_channel");
    }

    [Fact]
    public async Task IssueStaticCode_Talent_MarkedStaticWithLongExpiryAndVerifiesAsStatic()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");

        var response = await talent.PostAsync(new Uri("/api/v1/codes/me/static", UriKind.Relative), null, Ct);
        var issued = await response.ReadJsonAsync();
        var scanned = await CodesApi.VerifyAsync(await factory.CreateClientAsAsync(CodesApi.Partner), issued.GetProperty("code").GetString());

        issued.GetProperty("mode").GetString().ShouldBe("static");
        (issued.GetProperty("expiresAt").GetDateTimeOffset() - issued.GetProperty("issuedAt").GetDateTimeOffset()).ShouldBeGreaterThan(TimeSpan.FromDays(30));
        scanned.GetProperty("outcome").GetString().ShouldBe("valid");
        scanned.GetProperty("mode").GetString().ShouldBe("static");
    }

    [Fact]
    public async Task Scans_TalentSeesWhoScannedAndStaffSeeOnlyTheirOrganisation()
    {
        var (talent, _, _) = await CodesApi.FreshTalentAsync(factory);
        var (other, _, _) = await CodesApi.FreshTalentAsync(factory);
        var servicePoint = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var bank = await factory.CreateClientAsAsync(CodesApi.Partner);
        var scanId = (await CodesApi.VerifyAsync(servicePoint, await CodesApi.MyCodeTextAsync(talent))).GetProperty("scanId").GetGuid();

        var mine = await (await talent.GetAsync(new Uri("/api/v1/codes/scans", UriKind.Relative), Ct)).ReadJsonAsync();
        var others = await (await other.GetAsync(new Uri("/api/v1/codes/scans", UriKind.Relative), Ct)).ReadJsonAsync();
        var pointScans = await (await servicePoint.GetAsync(new Uri("/api/v1/codes/scans?pageSize=200", UriKind.Relative), Ct)).ReadJsonAsync();
        var bankScans = await (await bank.GetAsync(new Uri("/api/v1/codes/scans?pageSize=200", UriKind.Relative), Ct)).ReadJsonAsync();

        var item = mine.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("id").GetGuid().ShouldBe(scanId);
        item.GetProperty("outcome").GetString().ShouldBe("valid");
        item.GetProperty("organisationName").GetString().ShouldNotBeNullOrWhiteSpace();
        others.GetProperty("items").GetArrayLength().ShouldBe(0);
        var seen = pointScans.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == scanId);
        seen.GetProperty("maskedName").GetString()!.ShouldContain("*");
        bankScans.GetProperty("items").EnumerateArray().ShouldNotContain(s => s.GetProperty("id").GetGuid() == scanId);
    }

    [Fact]
    public async Task Scans_RoleWithoutScans_Forbidden()
    {
        var response = await (await factory.CreateClientAsAsync("demo-talentoffice")).GetAsync(new Uri("/api/v1/codes/scans", UriKind.Relative), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ScanLog_Row_KeepsTheHashNeverTheCode()
    {
        var code = await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent"));
        var scanId = (await CodesApi.VerifyAsync(await factory.CreateClientAsAsync(CodesApi.ServicePoint), code)).GetProperty("scanId").GetGuid();
        await (await factory.CreateClientAsAsync(CodesApi.ServicePoint)).GetAsync(new Uri("/api/v1/codes/scans", UriKind.Relative), Ct); // flushes the log

        var row = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TalentPass.Modules.Codes.Persistence.CodesDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Scans, s => s.Id == scanId, Ct);
        });

        row.CodeHash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(code))));
        JsonSerializer.Serialize(row).ShouldNotContain(code[4..20]);
    }

    private static TalentCodeClaims Claims(DateTimeOffset issuedAt, DateTimeOffset expiresAt) => new()
    {
        Issuer = "CN-410100-ZYKJC",
        SubjectId = new byte[16],
        IssuedAt = issuedAt,
        ExpiresAt = expiresAt,
        Level = "c",
        Category = "science",
        StatusListId = 1,
        StatusListIndex = 7,
        Rights = RightsSummary.Consumer,
        MaskedName = "李*",
    };

    private Task<string> SignWithServerKeyAsync(TimeSpan issuedOffset, TimeSpan expiresOffset) =>
        factory.WithScopeAsync(async sp =>
        {
            var issuer = await sp.GetRequiredService<KeyRing>().IssuerAsync(Ct);
            var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
            return TalentCode.Encode(Claims(now + issuedOffset, now + expiresOffset), issuer.Signer);
        });
}
