using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Pages;
using TalentPass.SharedKernel;

namespace TalentPass.UnitTests.Modules.Identity;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("demo-talent")]
    [InlineData("a.b_c-9")]
    public void ValidateUsername_Allowed_ReturnsNull(string username) =>
        AccountRules.ValidateUsername(AccountRules.NormaliseUsername(username)).ShouldBeNull();

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("张三")]
    [InlineData("semi;colon")]
    public void ValidateUsername_Invalid_ReturnsUsernameInvalid(string username) =>
        AccountRules.ValidateUsername(AccountRules.NormaliseUsername(username))!.Code.ShouldBe("identity.username_invalid");

    [Fact]
    public void NormaliseUsername_UpperCase_IsLowerCasedAndTrimmed() =>
        AccountRules.NormaliseUsername("  Demo-Bank ").ShouldBe("demo-bank");

    [Theory]
    [InlineData("Demo@12345", true)]
    [InlineData("长密码包含数字1与符号!", true)]
    [InlineData("Short1!", false)]
    [InlineData("NoDigits!!!!", false)]
    [InlineData("NoSymbol1234", false)]
    [InlineData("1234567890!", false)]
    public void ValidatePassword_Rules(string password, bool valid) =>
        (AccountRules.ValidatePassword(password) is null).ShouldBe(valid);

    [Theory]
    [InlineData(Roles.Talent, null, true)]
    [InlineData(Roles.Talent, OrganisationKind.Partner, false)]
    [InlineData(Roles.PartnerStaff, OrganisationKind.Partner, true)]
    [InlineData(Roles.PartnerStaff, OrganisationKind.ServicePoint, false)]
    [InlineData(Roles.ServicePointStaff, OrganisationKind.ServicePoint, true)]
    [InlineData(Roles.EnterpriseContact, OrganisationKind.Enterprise, true)]
    [InlineData(Roles.Operator, OrganisationKind.Operator, true)]
    [InlineData(Roles.Department, null, false)]
    [InlineData(Roles.Auditor, OrganisationKind.TalentOffice, true)]
    [InlineData(Roles.Auditor, OrganisationKind.BigDataBureau, true)]
    [InlineData(Roles.Auditor, OrganisationKind.Department, true)]
    [InlineData(Roles.Auditor, OrganisationKind.Partner, false)]
    [InlineData(Roles.TalentOffice, OrganisationKind.BigDataBureau, false)]
    public void CheckRoleOrganisation_Rules(string role, OrganisationKind? kind, bool valid)
    {
        var error = AccountRules.CheckRoleOrganisation([role], kind);

        (error is null).ShouldBe(valid);
        if (error is not null)
        {
            error.Code.ShouldBe("identity.role_organisation_mismatch");
        }
    }

    [Theory]
    [InlineData(Roles.TalentOffice, false)]
    [InlineData(Roles.BigDataBureau, false)]
    [InlineData(Roles.Auditor, false)]
    [InlineData(Roles.PartnerStaff, true)]
    [InlineData(Roles.Department, true)]
    public void CanGrant_Operator_OnlyUnprotectedRoles(string role, bool grantable) =>
        AccountRules.CanGrant([Roles.Operator], role).ShouldBe(grantable);

    [Fact]
    public void NormaliseRoles_Unknown_ReturnsRoleUnknown() =>
        AccountRules.NormaliseRoles(["talent", "superuser"]).Error!.Code.ShouldBe("identity.role_unknown");

    [Theory]
    [InlineData("/organisations?q=1", "/organisations?q=1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_OnlyLocalPaths(string? returnUrl, string expected) =>
        SignIn.SafeReturnUrl(returnUrl).ShouldBe(expected);
}
