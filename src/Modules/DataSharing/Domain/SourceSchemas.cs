using System.Globalization;
using System.Text.Json;
using TalentPass.Modules.DataSharing.Contracts;

namespace TalentPass.Modules.DataSharing.Domain;

internal enum FieldKind
{
    Text,
    Boolean,
    Integer,
    Date,
    Month,
}

/// <summary>
/// The record fields each source must answer (docs/data-sharing.md). An answer missing a field or carrying a
/// field of the wrong kind is <c>invalid</c>; unknown extra fields are ignored (the exchange may add some).
/// </summary>
internal static class SourceSchemas
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldKind>> All { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, FieldKind>>(StringComparer.Ordinal)
        {
            [DataSources.HouseholdRegistration] = new Dictionary<string, FieldKind>
            {
                ["registered"] = FieldKind.Boolean,
                ["hukouType"] = FieldKind.Text,
                ["district"] = FieldKind.Text,
                ["address"] = FieldKind.Text,
                ["registeredOn"] = FieldKind.Date,
            },
            [DataSources.EducationCredentials] = new Dictionary<string, FieldKind>
            {
                ["degree"] = FieldKind.Text,
                ["school"] = FieldKind.Text,
                ["major"] = FieldKind.Text,
                ["graduatedOn"] = FieldKind.Date,
                ["certificateNumber"] = FieldKind.Text,
            },
            [DataSources.SocialInsurance] = new Dictionary<string, FieldKind>
            {
                ["employerName"] = FieldKind.Text,
                ["employerCreditCode"] = FieldKind.Text,
                ["contributionMonths"] = FieldKind.Integer,
                ["contributing"] = FieldKind.Boolean,
                ["firstContributionMonth"] = FieldKind.Month,
                ["lastContributionMonth"] = FieldKind.Month,
            },
            [DataSources.BusinessRegistration] = new Dictionary<string, FieldKind>
            {
                ["enterpriseCount"] = FieldKind.Integer,
                ["creditCode"] = FieldKind.Text,
                ["enterpriseName"] = FieldKind.Text,
                ["role"] = FieldKind.Text,
                ["establishedOn"] = FieldKind.Date,
                ["registrationStatus"] = FieldKind.Text,
            },
            [DataSources.Tax] = new Dictionary<string, FieldKind>
            {
                ["taxYear"] = FieldKind.Integer,
                ["annualIncomeFen"] = FieldKind.Integer,
                ["taxPaidFen"] = FieldKind.Integer,
                ["inArrears"] = FieldKind.Boolean,
            },
        };

    public static bool IsKnown(string? source) => source is not null && All.ContainsKey(source);

    /// <summary>Reads the record's fields as invariant strings, or says which field is wrong.</summary>
    public static bool TryRead(string source, JsonElement record, out Dictionary<string, string> fields, out string? problem)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            problem = "record is not an object";
            return false;
        }

        foreach (var (name, kind) in All[source])
        {
            if (!record.TryGetProperty(name, out var value))
            {
                problem = $"record.{name} is missing";
                return false;
            }

            string? text = kind switch
            {
                FieldKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean() ? "true" : "false",
                FieldKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
                FieldKind.Text when value.ValueKind == JsonValueKind.String => value.GetString(),
                FieldKind.Date when value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => value.GetString(),
                FieldKind.Month when value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => value.GetString(),
                _ => null,
            };
            if (text is null)
            {
                problem = $"record.{name} is not a {kind.ToString().ToLowerInvariant()}";
                return false;
            }

            fields[name] = text;
        }

        return true;
    }

    public static string Code(DataSharingOutcome outcome) => outcome switch
    {
        DataSharingOutcome.Found => "found",
        DataSharingOutcome.NotFound => "not_found",
        DataSharingOutcome.Unavailable => "unavailable",
        _ => "invalid",
    };

    public static DataSharingOutcome? Parse(string? code) => code switch
    {
        "found" => DataSharingOutcome.Found,
        "not_found" => DataSharingOutcome.NotFound,
        "unavailable" => DataSharingOutcome.Unavailable,
        "invalid" => DataSharingOutcome.Invalid,
        _ => null,
    };
}
