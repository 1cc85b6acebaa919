using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Identity.Demo;

/// <summary>
/// The demo city's organisations and the nine demo accounts (password <see cref="DemoOptions.Password"/>,
/// <c>is_demo</c>). Data only; names that look real are marked 示例. Idempotent by code and username.
/// </summary>
internal sealed class IdentityDemoSeeder(
    IdentityDbContext db,
    IPasswordHasher<AccountRow> hasher,
    TimeProvider clock,
    IConfiguration configuration) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var city = configuration["City:Name"] is { Length: > 0 } name ? name : "示例市";
        var orgs = new (string Code, string Name, OrganisationKind Kind)[]
        {
            ("operator", "人才码运营中心（示例）", OrganisationKind.Operator),
            ("talent-office", $"{city}人才办", OrganisationKind.TalentOffice),
            ("big-data-bureau", $"{city}大数据局", OrganisationKind.BigDataBureau),
            ("dept-hr", $"{city}组织人社局", OrganisationKind.Department),
            ("dept-science", $"{city}科技局", OrganisationKind.Department),
            ("dept-finance", $"{city}金融局", OrganisationKind.Department),
            ("dept-education", $"{city}教文体局", OrganisationKind.Department),
            ("dept-social", $"{city}社会事业局", OrganisationKind.Department),
            ("dept-talent", $"{city}人才工作局", OrganisationKind.Department),
            ("bank-zhongyuan", "中原银行（示例）", OrganisationKind.Partner),
            ("bank-icbc", "工商银行（示例）", OrganisationKind.Partner),
            ("bank-ccb", "建设银行（示例）", OrganisationKind.Partner),
            ("merchant-bookstore", "中原书城（示例商户）", OrganisationKind.Partner),
            ("sp-hospital-1", "人才定点医院（示例）", OrganisationKind.ServicePoint),
            ("sp-school-1", "人才子女定点学校（示例）", OrganisationKind.ServicePoint),
            ("sp-talent-window", "政务服务中心人才专窗（示例）", OrganisationKind.ServicePoint),
            ("ENT-DEMO-001", "示例科技有限公司", OrganisationKind.Enterprise),
            ("ENT-DEMO-002", "示例新材料股份有限公司", OrganisationKind.Enterprise),
        };

        var now = clock.GetUtcNow();
        var existing = await db.Organisations.ToDictionaryAsync(o => o.Code, cancellationToken);
        foreach (var (code, orgName, kind) in orgs)
        {
            if (!existing.ContainsKey(code))
            {
                var row = new OrganisationRow { Id = Guid.CreateVersion7(now), Code = code, Name = orgName, Kind = kind, IsActive = true, CreatedAt = now, Version = 1 };
                db.Organisations.Add(row);
                existing[code] = row;
            }
        }

        var accounts = new (string Username, string DisplayName, string Role, string? OrgCode)[]
        {
            ("demo-talent", "张明华", Roles.Talent, null),
            ("demo-youth", "李青", Roles.Talent, null),
            ("demo-leader", "王建国", Roles.Talent, null),
            ("demo-talentoffice", "人才办示例用户", Roles.TalentOffice, "talent-office"),
            ("demo-bigdata", "大数据局示例用户", Roles.BigDataBureau, "big-data-bureau"),
            ("demo-department", "科技局示例用户", Roles.Department, "dept-science"),
            ("demo-operator", "运营机构示例用户", Roles.Operator, "operator"),
            ("demo-bank", "中原银行示例柜员", Roles.PartnerStaff, "bank-zhongyuan"),
            ("demo-servicepoint", "定点医院示例人员", Roles.ServicePointStaff, "sp-hospital-1"),
            ("demo-merchant", "中原书城示例店员", Roles.PartnerStaff, "merchant-bookstore"),
            ("demo-auditor", "审计示例用户", Roles.Auditor, "talent-office"),
            ("demo-enterprise", "示例企业联系人", Roles.EnterpriseContact, "ENT-DEMO-001"),
        };
        var usernames = await db.Accounts.Select(a => a.Username).ToListAsync(cancellationToken);
        foreach (var (username, displayName, role, orgCode) in accounts)
        {
            if (usernames.Contains(username))
            {
                continue;
            }

            var account = new AccountRow
            {
                Id = Guid.CreateVersion7(now),
                Username = username,
                DisplayName = displayName,
                PasswordHash = string.Empty,
                OrganisationId = orgCode is null ? null : existing[orgCode].Id,
                IsActive = true,
                IsDemo = true,
                CreatedAt = now,
                Version = 1,
            };
            account.PasswordHash = hasher.HashPassword(account, DemoOptions.Password);
            account.Roles.Add(new AccountRoleRow { AccountId = account.Id, Role = role });
            db.Accounts.Add(account);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
