using System.Globalization;
using System.Text.Json;

namespace TalentPass.Modules.Webhooks.Domain;

/// <summary>The body every partner receives: <c>{"id","type","timestamp","data":{…}}</c> (docs/webhooks.md).</summary>
internal static class WebhookPayload
{
    public static byte[] Build(Guid id, string type, DateTimeOffset occurredAt, string dataJson)
    {
        using var stream = new MemoryStream(256 + dataJson.Length);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id.ToString("D", CultureInfo.InvariantCulture));
            writer.WriteString("type", type);
            writer.WriteString("timestamp", occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
