using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Partners.Domain;

namespace TalentPass.IntegrationTests.Partners;

/// <summary>An onboarded partner of a test: its organisation, staff account and first API key.</summary>
public sealed record OnboardedPartner(Guid OrganisationId, string Code, string StaffUsername, string StaffPassword, string KeyId, string Secret, string AgreementDigest);

/// <summary>Test helpers for the Partners API: unique applications, onboarding through the talent office.</summary>
public static class PartnersApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueCode(string prefix = "bank") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A valid unified social credit code nobody else uses.</summary>
    public static string UniqueLicenceCode()
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var random = RandomNumberGenerator.GetBytes(9);
        var stem = "9141" + string.Concat(random.Select(b => Alphabet[b % Alphabet.Length])) + "MA00";
        return PartnerRules.WithCheckCharacter(stem);
    }

    public static object ApplicationBody(string code, string licence, byte[]? agreement, string? staffUsername = null) => new
    {
        companyName = $"测试银行 {code}（示例）",
        code,
        licenceCode = licence,
        contactName = "李经理",
        contactPhone = "0371-66668888",
        contactEmail = "api@example.com",
        staffUsername = staffUsername ?? code + "-admin",
        files = agreement is null
            ? new object[] { new { kind = "business_licence", fileName = "licence.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("licence " + code)) } }
            : [
                new { kind = "business_licence", fileName = "licence.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("licence " + code)) },
                new { kind = "agreement", fileName = "agreement.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(agreement) },
            ],
    };

    public static async Task<Guid> SubmitAsync(HttpClient client, string code, byte[] agreement)
    {
        var response = await client.PostAsJsonAsync("/api/v1/partner-applications", ApplicationBody(code, UniqueLicenceCode(), agreement), Ct);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Submits an application anonymously and has the talent office approve it.</summary>
    public static async Task<OnboardedPartner> OnboardAsync(TalentPassFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var code = UniqueCode();
        var agreement = Encoding.UTF8.GetBytes("signed agreement of " + code);
        var id = await SubmitAsync(factory.CreateAnonymousClient(), code, agreement);
        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var approved = await (await office.PostAsJsonAsync($"/api/v1/partner-applications/{id}/approve", new { reason = "材料齐全" }, Ct)).ReadJsonAsync();
        return Read(approved);
    }

    public static OnboardedPartner Read(JsonElement approved) => new(
        approved.GetProperty("organisationId").GetGuid(),
        approved.GetProperty("code").GetString()!,
        approved.GetProperty("staffUsername").GetString()!,
        approved.GetProperty("staffInitialPassword").GetString()!,
        approved.GetProperty("keyId").GetString()!,
        approved.GetProperty("secret").GetString()!,
        approved.GetProperty("agreementDigest").GetString()!);

    public static HttpClient Signed(TalentPassFactory factory, OnboardedPartner partner) =>
        PartnerApiClient.Create(factory, partner.KeyId, partner.Secret);
}
