using System.Text.Json;
using System.Text.Json.Nodes;
using TalentPass.Infrastructure.PersonalData;
using TalentPass.Modules.Rights.Family;
using TalentPass.Modules.Rights.Financing;

namespace TalentPass.Modules.Rights.Features;

/// <summary>The talent's part of the data download held by Rights: registered family members (unmasked: the talent's own entries) and financing applications.</summary>
internal sealed class RightsPersonalData(FamilyRegister family, FinancingDesk financing) : IPersonalDataSource
{
    public string Key => "rights";

    public async Task<PersonalDataSection> ExportAsync(Guid talentId, CancellationToken cancellationToken)
    {
        var members = await family.ExportAsync(talentId, cancellationToken);
        var applications = await financing.ListForTalentAsync(talentId, cancellationToken);
        var data = new JsonObject
        {
            ["familyMembers"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Row.Id,
                ["relation"] = m.Row.Relation,
                ["name"] = m.Name,
                ["idNumber"] = m.IdNumber,
                ["registeredAt"] = m.Row.CreatedAt,
                ["removedAt"] = m.Row.RemovedAt,
            }).ToArray()),
            ["financingApplications"] = JsonSerializer.SerializeToNode(applications, JsonSerializerOptions.Web),
        };
        return new PersonalDataSection(Key, "权益：家庭成员与融资申请", "Rights: family members and financing applications", data);
    }
}
