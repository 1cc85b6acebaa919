using TalentPass.Infrastructure.Modules;
using TalentPass.Modules.Audit;
using TalentPass.Modules.Calendar;
using TalentPass.Modules.Cards;
using TalentPass.Modules.Codes;
using TalentPass.Modules.Consultations;
using TalentPass.Modules.Contribution;
using TalentPass.Modules.DataSharing;
using TalentPass.Modules.Governance;
using TalentPass.Modules.HostBank;
using TalentPass.Modules.Identity;
using TalentPass.Modules.Ledger;
using TalentPass.Modules.Notifications;
using TalentPass.Modules.Partners;
using TalentPass.Modules.Policies;
using TalentPass.Modules.Privacy;
using TalentPass.Modules.Recognition;
using TalentPass.Modules.Redemptions;
using TalentPass.Modules.Reports;
using TalentPass.Modules.Reviews;
using TalentPass.Modules.Rights;
using TalentPass.Modules.Services;
using TalentPass.Modules.Subsidies;
using TalentPass.Modules.Talents;
using TalentPass.Modules.Webhooks;

namespace TalentPass.Composition;

/// <summary>
/// The modules of the monolith, in registration order. The web host and the CLI compile this same file, so
/// both register exactly the same services.
/// </summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<ITalentPassModule> All { get; } =
    [
        new AuditModule(),
        new IdentityModule(),
        new TalentsModule(),
        new CodesModule(),
        new LedgerModule(),
        new CalendarModule(),
        new NotificationsModule(),
        new DataSharingModule(),
        new PartnersModule(),
        new WebhooksModule(),
        new CardsModule(),
        new HostBankModule(),
        new ServicesModule(),
        new RecognitionModule(),
        new SubsidiesModule(),
        new RightsModule(),
        new RedemptionsModule(),
        new ConsultationsModule(),
        new ContributionModule(),
        new ReviewsModule(),
        new GovernanceModule(),
        new PrivacyModule(),
        new PoliciesModule(),
        new ReportsModule(),
    ];
}
