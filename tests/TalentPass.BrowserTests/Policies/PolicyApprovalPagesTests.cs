using Microsoft.Playwright;
using TalentPass.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TalentPass.BrowserTests.Policies;

/// <summary>
/// A policy version through its approval trail in the browser: the talent office drafts and proposes it and records
/// the joint meeting's review; the proposer cannot approve; the leading group's secretary (demo-approver) does, and
/// the version shows as approved with its evidence and four trail steps.
/// </summary>
public sealed class PolicyApprovalPagesTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task ApprovalTrail_DraftToLeadingGroupApproval_ByTwoPeople()
    {
        var label = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await SignInAsync("demo-talentoffice");
        await Page.GotoAsync("/policies");
        await Expect(Page.Locator("[data-testid=expiry-banner]")).ToContainTextAsync("talent-apartment-2025.1");

        await Page.Locator("#d-kind").SelectOptionAsync("rules");
        await Page.Locator("#d-label").FillAsync(label);
        await Page.Locator("#d-title-zh").FillAsync("浏览器测试规则");
        await Page.Locator("#d-title-en").FillAsync("Browser test rules");
        await Page.Locator("#d-from").FillAsync("2027-01-01");
        await Page.Locator("#d-document").FillAsync("The rules in full.");
        await Page.Locator("[data-testid=draft-submit]").ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync(label);
        await Expect(Page.Locator("dl.props")).ToContainTextAsync("2028-12-31"); // two years by default

        await Page.Locator("[data-testid=advance]").ClickAsync(); // propose
        await Expect(Page.Locator("[data-testid=policy-status]")).ToHaveTextAsync("已提请");
        await Page.Locator("#minutes").FillAsync("第12次联席会议纪要：同意提请领导小组审批。");
        await Page.Locator("[data-testid=advance]").ClickAsync(); // joint-meeting review
        await Expect(Page.Locator("[data-testid=policy-status]")).ToHaveTextAsync("联席会议已审议");
        await Page.Locator("#minutes").FillAsync("领导小组批准。");
        await Page.Locator("[data-testid=advance]").ClickAsync(); // the proposer tries to approve
        await Expect(Page.Locator(".alert-error")).ToContainTextAsync("提请人不能批准");
        await Expect(Page.Locator("[data-testid=policy-status]")).ToHaveTextAsync("联席会议已审议");
        var url = Page.Url;

        await using var other = await App.NewContextAsync();
        var approver = await other.NewPageAsync();
        await SignInAsync(approver, "demo-approver");
        await approver.GotoAsync(url);
        await approver.Locator("#minutes").FillAsync("领导小组第3次会议决定：批准。");
        await approver.Locator("[data-testid=advance]").ClickAsync();

        await Expect(approver.Locator("[data-testid=policy-status]")).ToHaveTextAsync("领导小组已批准");
        await Expect(approver.Locator("[data-testid=trail-step]")).ToHaveCountAsync(4);
        await Expect(approver.Locator("[data-testid=policy-ledger]")).ToContainTextAsync("#");
        await Expect(approver.Locator("[data-testid=advance]")).ToHaveCountAsync(0);
        await approver.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ArtifactsDirectory, "policy-approval-trail.png"), FullPage = true });
    }
}
