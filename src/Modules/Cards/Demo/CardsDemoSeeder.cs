using System.Text.Json;
using TalentPass.Infrastructure.Demo;
using TalentPass.Infrastructure.Security;
using TalentPass.Modules.Cards.Contracts;
using TalentPass.Modules.Cards.Domain;
using TalentPass.Modules.Cards.Features.PartnerCards;
using TalentPass.Modules.Cards.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Cards.Demo;

/// <summary>
/// Demo cards: demo-talent holds an active card of the first demo bank (中原银行, token <c>ZY-DEMO-CARD-A1</c>,
/// last four 6688) — what a terminal can verify at once — and has a pending application with the second bank.
/// Seeded rows skip the webhook outbox (no partner endpoint exists at seeding time).
/// </summary>
internal sealed class CardsDemoSeeder(
    CardsDbContext db,
    IAccountDirectory accounts,
    ITalentDirectory talents,
    ITalentPersonalData personalData,
    IPartnerDirectory partners,
    IFieldProtector protector,
    TimeProvider clock) : IDemoSeeder
{
    public const string DemoCardToken = "ZY-DEMO-CARD-A1";

    public int Order => 150;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var account = await accounts.FindAccountIdAsync("demo-talent", cancellationToken);
        var talent = account is { } id ? await talents.FindByAccountAsync(id, cancellationToken) : null;
        var banks = (await partners.ListAsync(PartnerKinds.Financial, cancellationToken))
            .Where(p => p.Status == PartnerStatuses.Active)
            .OrderBy(p => p.Code == "bank-zhongyuan" ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        if (talent is null || banks.Count == 0)
        {
            return;
        }

        var identity = await personalData.GetIdentityAsync(talent.Id, "cards.demo_seed", cancellationToken);
        if (identity is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var shared = protector.Protect(JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            [ConsentTerms.Name] = identity.Name,
            [ConsentTerms.IdNumber] = identity.IdNumber,
            [ConsentTerms.Phone] = identity.Phone,
            [ConsentTerms.Level] = talent.Level,
            [ConsentTerms.Category] = talent.Category,
        }));

        CardApplication Apply(PartnerInfo bank, string status)
        {
            var customer = new CardCustomer { PartnerId = bank.OrganisationId, TalentId = talent.Id, CustomerRef = CardCustomer.NewReference(), CreatedAt = now };
            db.Customers.Add(customer);
            var application = new CardApplication
            {
                Id = Guid.CreateVersion7(now),
                TalentId = talent.Id,
                PartnerId = bank.OrganisationId,
                CustomerRef = customer.CustomerRef,
                Status = status,
                ConsentVersion = ConsentTerms.CurrentVersion,
                ConsentFields = string.Join(',', ConsentTerms.Fields),
                ConsentedAt = now,
                SharedDataCipher = shared,
                CreatedAt = now,
                DecidedAt = status == ApplicationStatuses.Pending ? null : now,
                UpdatedAt = now,
                Version = 1,
            };
            db.Applications.Add(application);
            return application;
        }

        var issued = Apply(banks[0], ApplicationStatuses.Issued);
        var card = CardTokenCheck.NewCard(protector, issued, DemoCardToken, "6688", now, replaces: null);
        card.Status = CardStatuses.Active;
        card.ActivatedAt = now;
        db.Cards.Add(card);
        if (banks.Count > 1)
        {
            Apply(banks[1], ApplicationStatuses.Pending);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
