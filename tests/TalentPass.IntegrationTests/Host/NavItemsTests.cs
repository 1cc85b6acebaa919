using System.Security.Claims;
using TalentPass.SharedKernel;
using TalentPass.Web.Components.Layout;

namespace TalentPass.IntegrationTests.Host;

/// <summary>The main navigation grouped into menus: every link the role may see is in exactly one menu.</summary>
public sealed class NavItemsTests
{
    private static ClaimsPrincipal User(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), "test"));

    [Theory]
    [InlineData(Roles.Talent)]
    [InlineData(Roles.TalentOffice)]
    [InlineData(Roles.PartnerStaff)]
    [InlineData(Roles.Auditor)]
    public void GroupsFor_AnyRole_HoldEveryVisibleLinkExactlyOnce(string role)
    {
        var user = User(role);

        var grouped = NavItems.GroupsFor(user).SelectMany(g => g.Items).Select(i => i.Href).ToList();

        grouped.ShouldBe(NavItems.For(user).Select(i => i.Href).ToList(), ignoreOrder: true);
        grouped.Distinct().Count().ShouldBe(grouped.Count);
    }

    [Fact]
    public void GroupsFor_Talent_PutsTheServicesCatalogueWithTheirApplicationsAndTheCodeWithTheCards()
    {
        var groups = NavItems.GroupsFor(User(Roles.Talent));

        groups.Single(g => g.Items.Any(i => i.Href == "/services")).Items.Select(i => i.Href).ShouldContain("/me/applications");
        groups.Single(g => g.Items.Any(i => i.Href == "/me/code")).Items.Select(i => i.Href).ShouldContain("/me/cards");
        groups.Single(g => g.Items.Any(i => i.Href == "/me/code")).Items[0].Href.ShouldBe("/me", "the menu opens the talent's pass");
        groups.Single(g => g.Items.Any(i => i.Href == "/me/applications")).Items[0].Href.ShouldBe("/services", "the menu opens the services catalogue");
    }

    [Fact]
    public void ActiveGroup_APageBelowALink_IsTheMenuOfThatLink()
    {
        var groups = NavItems.GroupsFor(User(Roles.TalentOffice));

        NavItems.ActiveGroup(groups, "/services/queue")!.Key.ShouldBe("services");
        NavItems.ActiveGroup(groups, "/talents/0196a1b2-0000-7000-8000-000000000000")!.Key.ShouldBe("registry");
        NavItems.ActiveGroup(groups, "/host-bank")!.Key.ShouldBe("partners");
        NavItems.ActiveGroup(groups, "/no-such-page").ShouldBeNull();
    }
}
