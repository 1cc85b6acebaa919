using TalentPass.Infrastructure.Modules;
using TalentPass.Modules.Audit;
using TalentPass.Modules.Codes;
using TalentPass.Modules.Identity;
using TalentPass.Modules.Ledger;
using TalentPass.Modules.Talents;

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
    ];
}
