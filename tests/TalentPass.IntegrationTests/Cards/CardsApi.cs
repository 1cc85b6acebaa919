using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Cards;

/// <summary>Helpers for the Cards tests: talents applying, partner clients (with idempotency keys), the webhook outbox.</summary>
internal static class CardsApi
{
    public const string Zhongyuan = "bank-zhongyuan";
    public const string Icbc = "bank-icbc";
    public const string Ccb = "bank-ccb";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh partner_staff account of the given demo bank (so tests never share a session).</summary>
    public static async Task<HttpClient> PartnerStaffAsync(TalentPassFactory factory, string bankCode)
    {
        if (bankCode == Zhongyuan)
        {
            return await factory.CreateClientAsAsync("demo-bank");
        }

        var office = await factory.CreateClientAsAsync("demo-talentoffice");
        var username = IdentityApi.UniqueName("bank");
        var bank = await IdentityApi.OrganisationIdAsync(office, bankCode);
        await IdentityApi.CreateAccountAsync(office, username, [Roles.PartnerStaff], bank);
        return await factory.CreateClientAsAsync(username, IdentityApi.StrongPassword);
    }

    /// <summary>POST with a fresh Idempotency-Key, as the partner API asks of every state-changing call.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        await (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).ReadJsonAsync();

    public static async Task<Guid> PartnerIdAsync(HttpClient talent, string code)
    {
        var offer = await GetJsonAsync(talent, "/api/v1/me/cards/offer");
        return offer.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    public static async Task<string> ConsentVersionAsync(HttpClient talent) =>
        (await GetJsonAsync(talent, "/api/v1/me/cards/offer")).GetProperty("terms").GetProperty("version").GetString()!;

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient talent, Guid partnerId, string consentVersion, bool consent = true) =>
        talent.PostAsJsonAsync("/api/v1/me/cards/applications", new { partnerId, consentVersion, consent }, Ct);

    /// <summary>The talent applies to the bank with consent; returns the application id.</summary>
    public static async Task<Guid> AppliedAsync(HttpClient talent, string bankCode)
    {
        var response = await ApplyAsync(talent, await PartnerIdAsync(talent, bankCode), await ConsentVersionAsync(talent));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Apply, approve and report a card with the token; returns (application id, card id, customer ref).</summary>
    public static async Task<(Guid ApplicationId, Guid CardId, string CustomerRef)> IssuedCardAsync(HttpClient talent, HttpClient partner, string bankCode, string token, string last4 = "4321")
    {
        var applicationId = await AppliedAsync(talent, bankCode);
        (await PostAsync(partner, $"/api/v1/cards/applications/{applicationId}/approve")).EnsureSuccessStatusCode();
        var card = await (await PostAsync(partner, $"/api/v1/cards/applications/{applicationId}/card", new { cardToken = token, last4 })).ReadJsonAsync();
        return (applicationId, card.GetProperty("id").GetGuid(), card.GetProperty("customerRef").GetString()!);
    }

    public static async Task<JsonElement> VerifyAsync(HttpClient partner, string token) =>
        await (await partner.PostAsJsonAsync("/api/v1/cards/verify", new { cardToken = token }, Ct)).ReadJsonAsync(); // a read: no Idempotency-Key

    public static async Task<(string Outcome, string ReasonCode)> OutcomeAsync(HttpClient partner, string token)
    {
        var answer = await VerifyAsync(partner, token);
        return (answer.GetProperty("outcome").GetString()!, answer.GetProperty("reasonCode").GetString()!);
    }

    /// <summary>A unique token without digit runs (a random run of 12+ digits could pass the Luhn check and be refused as a card number).</summary>
    public static string NewToken(string prefix = "tok") =>
        $"{prefix}_" + string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));

    /// <summary>Webhook events enqueued for one partner customer (ordering key talent:{customerRef}), in stream order.</summary>
    public static async Task<IReadOnlyList<(Guid PartnerId, string Type, JsonElement Data)>> OutboxAsync(TalentPassFactory factory, string customerRef)
    {
        var connections = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT partner_organisation_id, type, data_json FROM webhooks_outbox WHERE ordering_key = @k ORDER BY sequence";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@k";
        parameter.Value = "talent:" + customerRef;
        command.Parameters.Add(parameter);
        var rows = new List<(Guid, string, JsonElement)>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((Guid.Parse(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!), reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone()));
        }

        return rows;
    }

    /// <summary>Waits (up to 30 s) until the outbox holds an event of the type for the customer: the feed consumer runs in the background.</summary>
    public static async Task<IReadOnlyList<(Guid PartnerId, string Type, JsonElement Data)>> OutboxEventuallyAsync(TalentPassFactory factory, string customerRef, string type)
    {
        for (var i = 0; i < 300; i++)
        {
            var rows = await OutboxAsync(factory, customerRef);
            if (rows.Any(r => r.Type == type))
            {
                return rows;
            }

            await Task.Delay(100, Ct);
        }

        return await OutboxAsync(factory, customerRef);
    }

    public static Task<(HttpClient Client, Guid TalentId, string Username)> FreshTalentAsync(TalentPassFactory factory) =>
        TalentsApi.TalentWithAccountAsync(factory);
}
