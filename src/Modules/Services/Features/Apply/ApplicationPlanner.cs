using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.DataSharing.Contracts;
using TalentPass.Modules.Services.Catalogue;
using TalentPass.Modules.Services.Domain;
using TalentPass.Modules.Services.Persistence;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Services.Features.Apply;

/// <summary>What is being applied for, by whom, through which channel.</summary>
internal sealed record ApplyCommand(
    TalentSummary Talent,
    IReadOnlyList<MatterRequest> Matters,
    string Channel,
    Guid? SubmittedBy,
    Guid? WindowOrganisationId,
    DateTimeOffset? IdentityCheckedAt);

/// <param name="Materials">Material code → what was handed in (a file name or document reference).</param>
internal sealed record MatterRequest(string Code, IReadOnlyDictionary<string, string>? Materials = null);

/// <summary>The rows of one accepted application, ready to be written in one transaction.</summary>
internal sealed record PlannedApplication(
    ApplicationRow Application,
    IReadOnlyList<ItemRow> Items,
    IReadOnlyList<StepRow> Steps,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<DecisionRow> Decisions);

/// <summary>Shared inputs of one planning run (a single application or a batch of one-click applications).</summary>
internal sealed record PlanningContext(IReadOnlyDictionary<string, CurrentMatter> Matters, IReadOnlyDictionary<string, Guid> Departments, DateOnly Today, DateTimeOffset Now)
{
    /// <summary>Due dates by (accepted day, working days): one calendar call per distinct pair in a batch.</summary>
    public Dictionary<(DateOnly, int), Result<DateOnly>> DueDates { get; } = [];
}

/// <summary>
/// Checks an application (eligibility, materials, duplicates), looks the talent up in the matters' data-sharing
/// sources, applies the 免审即享 rules and computes the due date — without writing anything. Rejections return an
/// error and nothing is stored; the caller writes the plan with <see cref="ApplicationWriter"/>.
/// </summary>
internal sealed class ApplicationPlanner(ServicesDbContext db, CatalogueReader catalogue, IDataSharing dataSharing, IWorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<PlanningContext> ContextAsync(IReadOnlyCollection<string> matterCodes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return new PlanningContext(await catalogue.CurrentAsync(matterCodes, ct), await catalogue.DepartmentIdsAsync(ct), BusinessTime.Today(clock), now);
    }

    /// <summary>Validates every matter of the command against the catalogue and the talent (no I/O beyond the open-application check).</summary>
    public async Task<Result> CheckAsync(ApplyCommand command, PlanningContext context, CancellationToken ct)
    {
        if (command.Matters.Count == 0)
        {
            return ServicesErrors.NoMatters;
        }

        if (command.Matters.Count > 10)
        {
            return ServicesErrors.TooManyMatters;
        }

        var single = CheckOne(command, context);
        if (!single.IsSuccess)
        {
            return single;
        }

        var codes = command.Matters.Select(m => m.Code).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count != command.Matters.Count)
        {
            return ServicesErrors.Duplicate(Name(context.Matters[command.Matters[0].Code].Matter));
        }

        var existing = await db.Items.AsNoTracking()
            .Where(i => i.TalentId == command.Talent.Id && codes.Contains(i.MatterCode) && (i.Status == ItemStatus.InReview || i.Status == ItemStatus.Supplement || i.Status == ItemStatus.Approved))
            .Select(i => new { i.MatterCode, i.Status })
            .ToListAsync(ct);
        foreach (var e in existing)
        {
            var current = context.Matters[e.MatterCode];
            if (e.Status != ItemStatus.Approved)
            {
                return ServicesErrors.Duplicate(Name(current.Matter));
            }

            if (current.Definition.Once)
            {
                return ServicesErrors.AlreadyGranted(Name(current.Matter));
            }
        }

        return Result.Success();
    }

    /// <summary>The checks that need no database: talent status, catalogue, channel, eligibility, materials.</summary>
    public static Result CheckOne(ApplyCommand command, PlanningContext context)
    {
        if (command.Talent.Status != "active")
        {
            return ServicesErrors.TalentNotActive;
        }

        foreach (var request in command.Matters)
        {
            var check = CheckMatter(command, request, context);
            if (!check.IsSuccess)
            {
                return check;
            }
        }

        return Result.Success();
    }

    private static Result CheckMatter(ApplyCommand command, MatterRequest request, PlanningContext context)
    {
        if (!context.Matters.TryGetValue(request.Code, out var current))
        {
            return ServicesErrors.MatterNotFound;
        }

        if (!current.Matter.IsOnline)
        {
            return ServicesErrors.MatterNotOnline;
        }

        var definition = current.Definition;
        if (definition.Steps.FirstOrDefault(s => !context.Departments.ContainsKey(s.Department)) is { } orphan)
        {
            return Error.Conflict("services.department_missing", $"事项环节的部门“{orphan.Department}”不存在 / The matter's department “{orphan.Department}” does not exist.");
        }

        if (command.Channel == Channels.OneClick && !definition.OneClick)
        {
            return ServicesErrors.NotOneClick;
        }

        if (definition.Levels.Count > 0 && !definition.Levels.Contains(command.Talent.Level, StringComparer.Ordinal))
        {
            return ServicesErrors.NotEligible(Name(current.Matter), $"人才层次须为 {string.Join("/", definition.Levels)}", $"the level must be one of {string.Join(", ", definition.Levels)}");
        }

        if (definition.Categories.Count > 0 && !definition.Categories.Contains(command.Talent.Category, StringComparer.Ordinal))
        {
            return ServicesErrors.NotEligible(Name(current.Matter), $"人才类别须为 {string.Join("/", definition.Categories)}", $"the category must be one of {string.Join(", ", definition.Categories)}");
        }

        var missing = definition.Materials
            .Where(m => m.Required && (request.Materials is null || !request.Materials.TryGetValue(m.Code, out var given) || string.IsNullOrWhiteSpace(given)))
            .Select(m => $"{m.NameZh} / {m.NameEn}")
            .ToList();
        return missing.Count > 0 ? ServicesErrors.MaterialsMissing(missing) : Result.Success();
    }

    /// <summary>Looks the talent up, decides what can be decided automatically and builds the rows.</summary>
    public async Task<PlannedApplication> PlanAsync(ApplyCommand command, PlanningContext context, CancellationToken ct)
    {
        var now = context.Now;
        var applicationId = Guid.CreateVersion7(now);
        var reference = Reference(context.Today, applicationId);
        var application = new ApplicationRow
        {
            Id = applicationId,
            Reference = reference,
            TalentId = command.Talent.Id,
            Channel = command.Channel,
            SubmittedBy = command.SubmittedBy,
            WindowOrganisationId = command.WindowOrganisationId,
            IdentityCheckedAt = command.IdentityCheckedAt,
            SubmittedAt = now,
            AcceptedOn = context.Today,
        };
        var history = new List<HistoryRow>
        {
            History(applicationId, null, now, command.SubmittedBy, command.Channel == Channels.Window ? "staff" : "talent", "submitted",
                command.Channel switch
                {
                    Channels.Window => $"窗口代为受理（已核验身份），受理日 {context.Today:yyyy-MM-dd}",
                    Channels.OneClick => $"一键申领，受理日 {context.Today:yyyy-MM-dd}",
                    _ => $"网上申请，受理日 {context.Today:yyyy-MM-dd}",
                },
                command.Channel switch
                {
                    Channels.Window => $"Accepted at a window on the talent's behalf (identity checked) on {context.Today:yyyy-MM-dd}",
                    Channels.OneClick => $"One-click application accepted on {context.Today:yyyy-MM-dd}",
                    _ => $"Online application accepted on {context.Today:yyyy-MM-dd}",
                }),
        };

        // One look-up per source for the whole application, however many matters need it.
        var answers = new Dictionary<string, DataSharingAnswer>(StringComparer.Ordinal);
        foreach (var source in command.Matters.SelectMany(m => context.Matters[m.Code].Definition.Lookups).Distinct(StringComparer.Ordinal))
        {
            answers[source] = await dataSharing.LookUpAsync(command.Talent.Id, source, $"services:application:{applicationId}", ct);
        }

        var items = new List<ItemRow>();
        var steps = new List<StepRow>();
        var decisions = new List<DecisionRow>();
        foreach (var request in command.Matters)
        {
            var current = context.Matters[request.Code];
            var definition = current.Definition;
            var itemId = Guid.CreateVersion7(now);
            var due = await DueAsync(context, definition.DeadlineWorkingDays, ct);
            var sources = definition.Lookups.Where(answers.ContainsKey).ToDictionary(s => s, s => answers[s], StringComparer.Ordinal);
            var item = new ItemRow
            {
                Id = itemId,
                ApplicationId = applicationId,
                Reference = reference,
                TalentId = command.Talent.Id,
                TalentAccountId = command.Talent.AccountId,
                TalentMaskedName = command.Talent.MaskedName,
                MatterCode = current.Matter.Code,
                MatterVersion = current.Version,
                Status = ItemStatus.InReview,
                AcceptedOn = context.Today,
                DueOn = due.IsSuccess ? due.Value : null,
                DueProblem = due.IsSuccess ? null : due.Error.Code,
                Prefill = sources.Count == 0 ? null : JsonSerializer.Serialize(sources.Values.Select(a => new PrefillEntry(a.Source, a.Outcome.ToString(), a.Fields, a.Id)), MatterDefinition.Json),
                Materials = request.Materials is { Count: > 0 } ? JsonSerializer.Serialize(request.Materials, MatterDefinition.Json) : null,
                Evidence = sources.Count == 0 ? null : JsonSerializer.Serialize(sources.Values.Select(a => a.Id)),
                AmountFen = definition.Subsidy?.AmountFen,
                Payments = definition.Subsidy?.Payments,
                Delivery = definition.Delivery,
                UpdatedAt = now,
                Version = 1,
            };
            items.Add(item);
            if (!due.IsSuccess)
            {
                history.Add(History(applicationId, itemId, now, null, "system", "due_unknown",
                    "办理时限涉及尚未载入的年度工作日历，到期日待日历载入后计算",
                    "The deadline reaches a year whose working-day calendar is not loaded; the due date will be computed once it is"));
            }

            var auto = definition.AutoApproval is { } rules
                ? AutoApprovalEvaluator.Evaluate(rules, command.Talent.Level, command.Talent.Category, sources, context.Today)
                : null;
            if (auto is not null)
            {
                item.RuleVersion = auto.RuleVersion;
                item.ExplanationZh = auto.ExplanationZh;
                item.ExplanationEn = auto.ExplanationEn;
            }

            if (auto is { Approved: true })
            {
                item.Status = ItemStatus.Approved;
                item.Outcome = ItemStatus.Approved;
                item.AutoDecided = true;
                item.DecidedAt = now;
                item.DecidedOn = context.Today;
                if (definition.Delivery == DeliveryKinds.Online)
                {
                    item.DeliveredAt = now;
                }

                history.Add(History(applicationId, itemId, now, null, "system", "auto_approved",
                    $"免审即享：按规则 {auto.RuleVersion} 自动办结通过\n{auto.ExplanationZh}",
                    $"Approved automatically under rule {auto.RuleVersion}\n{auto.ExplanationEn}"));
                decisions.Add(Decision(item, now, context.Today));
                continue;
            }

            if (auto is not null)
            {
                item.ClerkReasonZh = auto.ClerkReasonZh;
                item.ClerkReasonEn = auto.ClerkReasonEn;
                history.Add(History(applicationId, itemId, now, null, "system", "to_clerk",
                    $"{auto.ClerkReasonZh}\n{auto.ExplanationZh}", $"{auto.ClerkReasonEn}\n{auto.ExplanationEn}"));
            }

            var firstStage = definition.Steps.Min(s => s.Stage);
            foreach (var step in definition.Steps)
            {
                steps.Add(new StepRow
                {
                    Id = Guid.CreateVersion7(now),
                    ItemId = itemId,
                    ApplicationId = applicationId,
                    Reference = reference,
                    MatterCode = current.Matter.Code,
                    TalentMaskedName = command.Talent.MaskedName,
                    DepartmentId = context.Departments[step.Department],
                    Stage = step.Stage,
                    NameZh = step.NameZh,
                    NameEn = step.NameEn,
                    RequiresSecond = step.SecondApproval,
                    Status = step.Stage == firstStage ? StepStatus.Open : StepStatus.Waiting,
                    DueOn = item.DueOn,
                    UpdatedAt = now,
                    Version = 1,
                });
            }
        }

        return new PlannedApplication(application, items, steps, history, decisions);
    }

    private async Task<Result<DateOnly>> DueAsync(PlanningContext context, int workingDays, CancellationToken ct)
    {
        if (!context.DueDates.TryGetValue((context.Today, workingDays), out var due))
        {
            due = await calendar.AddWorkingDaysAsync(context.Today, workingDays, ct);
            context.DueDates[(context.Today, workingDays)] = due;
        }

        return due;
    }

    public static DecisionRow Decision(ItemRow item, DateTimeOffset now, DateOnly today) => new()
    {
        ItemId = item.Id,
        ApplicationId = item.ApplicationId,
        TalentId = item.TalentId,
        MatterCode = item.MatterCode,
        MatterVersion = item.MatterVersion,
        Outcome = item.Outcome!,
        AmountFen = item.Outcome == ItemStatus.Approved ? item.AmountFen : null,
        Payments = item.Outcome == ItemStatus.Approved ? item.Payments : null,
        DecidedOn = today,
        DecidedAt = now,
    };

    public static HistoryRow History(Guid applicationId, Guid? itemId, DateTimeOffset at, Guid? actor, string actorKind, string action, string zh, string en) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApplicationId = applicationId,
        ItemId = itemId,
        At = at,
        ActorAccountId = actor,
        ActorKind = actorKind,
        Action = action,
        TextZh = zh,
        TextEn = en,
    };

    /// <summary>e.g. <c>YJS20260930-1A2B3C4D5E</c>: the acceptance day and the random tail of the id.</summary>
    public static string Reference(DateOnly accepted, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"YJS{accepted:yyyyMMdd}-{id.ToString("N")[^10..].ToUpperInvariant()}");

    private static string Name(MatterRow matter) => matter.NameZh;
}

/// <summary>What data sharing answered, shown to the talent and the clerk (prefilled form).</summary>
internal sealed record PrefillEntry(string Source, string Outcome, IReadOnlyDictionary<string, string> Fields, Guid AnswerId);
