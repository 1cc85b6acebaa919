using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Subsidies.Domain;
using TalentPass.Modules.Subsidies.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Subsidies.Demo;

/// <summary>
/// Demo data (marked by its fixed application id): the demo talent's living allowance — 36 monthly payments of
/// ¥3,000 decided three months ago, two of them paid in confirmed batches — so "my subsidies" and the talent office's
/// batches show something at once. The current month's batch is left for the talent office to create.
/// </summary>
internal sealed class SubsidiesDemoSeeder(SubsidiesDbContext db, IAccountDirectory accounts, ITalentDirectory talents, TimeProvider clock) : IDemoSeeder
{
    private static readonly Guid DemoApplicationId = new("0190a000-0000-7000-8000-00000000d3e0");

    public int Order => 150;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Schedules.AnyAsync(s => s.ApplicationId == DemoApplicationId, cancellationToken)
            || await accounts.FindAccountIdAsync("demo-talent", cancellationToken) is not { } accountId
            || await talents.FindByAccountAsync(accountId, cancellationToken) is not { } talent)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var thisMonth = Months.Of(BusinessTime.Today(clock));
        var first = thisMonth.AddMonths(-2);
        var schedule = new ScheduleRow
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = DemoApplicationId,
            MatterCode = "high-level-living-allowance",
            MatterVersion = 1,
            TalentId = talent.Id,
            AmountFen = 300_000,
            Payments = 36,
            FirstMonth = first,
            DecidedOn = first.AddDays(9),
            Status = ScheduleStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Schedules.Add(schedule);
        db.Events.Add(ScheduleTransitions.Event(schedule.Id, "created", null, "demo", now, null));
        for (var i = 0; i < 2; i++)
        {
            var month = first.AddMonths(i);
            if (await db.Batches.AnyAsync(b => b.Month == month, cancellationToken))
            {
                continue;
            }

            var batch = new BatchRow
            {
                Id = Guid.CreateVersion7(now),
                Month = month,
                Status = BatchStatus.Confirmed,
                PaymentCount = 1,
                TotalFen = schedule.AmountFen,
                CreatedAt = now,
                ConfirmedAt = now,
                BankReference = "DEMO-" + Months.Format(month),
            };
            db.Batches.Add(batch);
            schedule.Scheduled++;
            schedule.Paid++;
            db.Payments.Add(new PaymentRow
            {
                Id = Guid.CreateVersion7(now),
                ScheduleId = schedule.Id,
                BatchId = batch.Id,
                TalentId = talent.Id,
                Month = month,
                Sequence = schedule.Scheduled,
                AmountFen = schedule.AmountFen,
                Status = PaymentStatus.Paid,
                CreatedAt = now,
                PaidAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
