using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;

namespace TalentPass.BrowserTests.Codes;

/// <summary>
/// The HTTP API as the tests' own client (bearer tokens, no browser cookies): creates the talents the code tests work
/// with, so that suspending one never disturbs another test, and fetches codes the way a phone app would.
/// </summary>
internal sealed class CodesApi(IAPIRequestContext http)
{
    public const string TalentOffice = "demo-talentoffice";

    public async Task<string> TokenAsync(string username, string password = WebAppFixture.DemoPassword)
    {
        var response = await http.PostAsync("/api/v1/auth/token", new() { DataObject = new { username, password } });
        var body = await OkJsonAsync(response, $"token for {username}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A new active talent of <paramref name="level"/> with its own talent account, registered by the
    /// talent office through the API — unique ID number, name and username per call.
    /// </summary>
    public async Task<TestTalent> CreateTalentAsync(string level = "c")
    {
        var office = await TokenAsync(TalentOffice);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var username = "code-talent-" + suffix;
        var account = await OkJsonAsync(
            await http.PostAsync("/api/v1/accounts", new()
            {
                Headers = Bearer(office),
                DataObject = new { username, displayName = "扫码测试" + suffix[..4], password = "Code#Test2026" + suffix, roles = new[] { "talent" }, organisationId = (Guid?)null },
            }),
            "create the talent account");
        var accountId = account.GetProperty("id").GetString();

        var talent = await OkJsonAsync(
            await http.PostAsync("/api/v1/talents", new()
            {
                Headers = Bearer(office),
                DataObject = new
                {
                    name = "码测" + Names[Random.Shared.Next(Names.Length)] + Names[Random.Shared.Next(Names.Length)],
                    idNumber = RandomIdNumber(),
                    level,
                    category = "science",
                    phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                    accountId,
                },
            }),
            "register the talent");
        return new TestTalent(username, "Code#Test2026" + suffix, talent.GetProperty("id").GetString()!);
    }

    /// <summary>Suspends the talent as the talent office (POST /api/v1/talents/{id}/status).</summary>
    public async Task SuspendAsync(TestTalent talent)
    {
        var office = await TokenAsync(TalentOffice);
        var response = await http.PostAsync($"/api/v1/talents/{talent.TalentId}/status", new()
        {
            Headers = Bearer(office),
            DataObject = new { status = "suspended", reason = "浏览器测试：暂停" },
        });
        await OkJsonAsync(response, "suspend the talent");
    }

    /// <summary>GET /api/v1/codes/me as the talent: the current dynamic code text.</summary>
    public async Task<string> DynamicCodeAsync(TestTalent talent)
    {
        var token = await TokenAsync(talent.Username, talent.Password);
        var body = await OkJsonAsync(await http.GetAsync("/api/v1/codes/me", new() { Headers = Bearer(token) }), "the talent's code");
        return body.GetProperty("code").GetString()!;
    }

    private static readonly string[] Names = ["安", "博", "晨", "德", "芳", "刚", "华", "杰", "磊", "敏", "宁", "强", "涛", "伟", "鑫", "勇"];

    /// <summary>POST /api/v1/codes/me/static as the talent: a static (printed) code.</summary>
    public async Task<string> StaticCodeAsync(TestTalent talent)
    {
        ArgumentNullException.ThrowIfNull(talent);
        var token = await TokenAsync(talent.Username, talent.Password);
        var body = await OkJsonAsync(await http.PostAsync("/api/v1/codes/me/static", new() { Headers = Bearer(token) }), "the talent's static code");
        body.GetProperty("mode").GetString().ShouldBe("static");
        return body.GetProperty("code").GetString()!;
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task<JsonElement> OkJsonAsync(IAPIResponse response, string what)
    {
        var text = await response.TextAsync();
        response.Ok.ShouldBeTrue($"{what}: HTTP {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A random, valid resident ID number (GB 11643 check digit) of someone born in 1980–1999 in Zhengzhou.</summary>
    private static string RandomIdNumber()
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(Random.Shared.Next(0, 7000));
        var body = "410105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}

/// <summary>A talent created by a test, with the credentials of its own account.</summary>
internal sealed record TestTalent(string Username, string Password, string TalentId);
