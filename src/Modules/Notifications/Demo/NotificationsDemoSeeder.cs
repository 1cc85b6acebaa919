using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Notifications.Demo;

/// <summary>Demo data: a welcome message (with its SMS) for demo-talent and one for the talent office.</summary>
internal sealed class NotificationsDemoSeeder(IAccountDirectory accounts, ITalentDirectory talents, INotifier notifier) : IDemoSeeder
{
    public int Order => 150;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAccountIdAsync("demo-talent", cancellationToken) is { } talentAccount)
        {
            var talent = await talents.FindByAccountAsync(talentAccount, cancellationToken);
            await notifier.NotifyAsync(
                new NotificationDraft(
                    talentAccount,
                    "demo.welcome",
                    "欢迎使用人才码（演示数据）",
                    "Welcome to TalentPass (demo data)",
                    "您的人才码已开通，可在“出示人才码”中使用。办事进度和审批结果会在这里和短信中通知您。",
                    "Your talent code is ready under “Show my code”. Progress and decisions on your applications are announced here and by SMS.",
                    "/me/code",
                    talent?.Id,
                    "demo.welcome"),
                cancellationToken);
        }

        if (await accounts.FindAccountIdAsync("demo-talentoffice", cancellationToken) is { } office)
        {
            await notifier.NotifyAsync(
                new NotificationDraft(
                    office,
                    "demo.calendar",
                    "请及时载入下一年度节假日安排（演示数据）",
                    "Load next year's holiday schedule in time (demo data)",
                    "办理时限按法定工作日计算；国务院办公厅通知发布后，请在“工作日历”中载入下一年度的节假日与调休安排。",
                    "Deadlines count official working days; once the State Council notice is out, load next year's holidays and make-up days on the calendar page.",
                    "/calendar",
                    DeduplicationKey: "demo.calendar"),
                cancellationToken);
        }
    }
}
