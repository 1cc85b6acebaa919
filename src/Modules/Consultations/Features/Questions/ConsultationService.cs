using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Calendar.Contracts;
using TalentPass.Modules.Consultations.Domain;
using TalentPass.Modules.Consultations.Persistence;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Notifications.Contracts;
using TalentPass.Modules.Rights.Contracts;
using TalentPass.Modules.Talents.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Consultations.Features.Questions;

/// <summary>A talent's question: about a right (<see cref="RightId"/>) or a named matter (<see cref="Topic"/>).</summary>
internal sealed record AskRequest
{
    public Guid? RightId { get; init; }

    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? Topic { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(2000, MinimumLength = 5, ErrorMessage = "5至2000个字符 / 5 to 2,000 characters.")]
    public string? Question { get; init; }
}

internal sealed record AnswerRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(4000, MinimumLength = 2, ErrorMessage = "2至4000个字符 / 2 to 4,000 characters.")]
    public string? Answer { get; init; }

    /// <summary>The version the answerer saw (optimistic concurrency); null = do not check.</summary>
    public int? Version { get; init; }
}

/// <summary>Publishing as an FAQ entry; texts default to the anonymised question and answer.</summary>
internal sealed record PublishFaqRequest
{
    [StringLength(2000, ErrorMessage = "最多2000个字符 / At most 2,000 characters.")]
    public string? FaqQuestion { get; init; }

    [StringLength(4000, ErrorMessage = "最多4000个字符 / At most 4,000 characters.")]
    public string? FaqAnswer { get; init; }
}

/// <summary>A question as its asker or the recipient organisation sees it; the talent shown masked only.</summary>
internal sealed record ConsultationView(
    Guid Id,
    Guid? RightId,
    string Topic,
    string Question,
    Guid ProviderOrganisationId,
    string ProviderName,
    string TalentMaskedName,
    string Status,
    DateTimeOffset AskedAt,
    DateOnly? DueOn,
    int? RemainingWorkingDays,
    bool Overdue,
    DateTimeOffset? AnsweredAt,
    bool AnsweredLate,
    string? Answer,
    bool FaqPublished,
    string? FaqQuestion,
    string? FaqAnswer,
    int Version);

internal sealed record ConsultationQuery(string? Status = null, bool OverdueOnly = false, string? Q = null, int Page = 1, int Size = PageRequest.DefaultSize);

/// <summary>Asking, routing, answering and publishing consultations; every read and write scoped by <see cref="ICurrentUser"/>.</summary>
internal sealed class ConsultationService(
    ConsultationsDbContext db,
    ICurrentUser user,
    ITalentDirectory talents,
    IOrganisationDirectory organisations,
    IWorkingDayCalendar calendar,
    IServiceProvider services,
    IOptions<ConsultationsOptions> options,
    TimeProvider clock)
{
    /// <summary>Roles that answer questions routed to their organisation (the talent office answers general matters and sees all).</summary>
    public static readonly string[] StaffRoles = [Roles.TalentOffice, Roles.Department, Roles.PartnerStaff, Roles.ServicePointStaff, Roles.Operator];

    public DateOnly Today => BusinessTime.Today(clock);

    public async Task<Result<ConsultationView>> AskAsync(AskRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (user.AccountId is not { } account || await talents.FindByAccountAsync(account, ct) is not { } talent)
        {
            return ConsultationsErrors.NoProfile;
        }

        Guid provider;
        string topic;
        if (request.RightId is { } rightId)
        {
            var catalogue = services.GetService<IRightsCatalogue>();
            if (catalogue is null || await catalogue.GetAsync(rightId, ct) is not { } right)
            {
                return ConsultationsErrors.RightNotFound;
            }

            provider = right.ProviderOrganisationId;
            topic = right.NameZh;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Topic))
            {
                return ConsultationsErrors.TopicRequired;
            }

            var office = (await organisations.ListAsync(OrganisationKind.TalentOffice, ct)).FirstOrDefault(o => o.IsActive);
            if (office is null)
            {
                return ConsultationsErrors.NoRecipient;
            }

            provider = office.Id;
            topic = request.Topic.Trim();
        }

        var now = clock.GetUtcNow();
        var today = BusinessTime.Today(clock);
        var due = await calendar.AddWorkingDaysAsync(today, options.Value.AnswerWorkingDays, ct);
        var row = new Consultation
        {
            Id = Guid.CreateVersion7(now),
            TalentId = talent.Id,
            AskerAccountId = account,
            RightId = request.RightId,
            Topic = topic,
            Question = request.Question!.Trim(),
            ProviderOrganisationId = provider,
            Status = ConsultationStatus.Open,
            AskedAt = now,
            AskedOn = today,
            DueOn = due.IsSuccess ? due.Value : null,
            Version = 1,
        };
        db.Consultations.Add(row);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(row, ct);
    }

    public async Task<Result<Page<ConsultationView>>> ListMineAsync(PageRequest page, CancellationToken ct)
    {
        if (user.AccountId is not { } account || await talents.FindByAccountAsync(account, ct) is not { } talent)
        {
            return ConsultationsErrors.NoProfile;
        }

        var query = db.Consultations.AsNoTracking().Where(c => c.TalentId == talent.Id);
        var total = await query.Take((int)Page<ConsultationView>.TotalCap + 1).CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.AskedAt).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return await PageAsync(rows, page, total, ct);
    }

    /// <summary>The recipient organisation's questions (the talent office: all), open ones by due date.</summary>
    public async Task<Result<Page<ConsultationView>>> ListForStaffAsync(ConsultationQuery q, CancellationToken ct)
    {
        if (!IsStaff(out var organisation))
        {
            return ConsultationsErrors.StaffOnly;
        }

        var page = new PageRequest(q.Page, q.Size);
        var query = Scoped(organisation);
        var status = ConsultationStatus.All.Contains(q.Status ?? string.Empty, StringComparer.Ordinal) ? q.Status! : ConsultationStatus.Open;
        query = query.Where(c => c.Status == status);
        if (q.OverdueOnly)
        {
            var today = Today;
            query = query.Where(c => c.Status == ConsultationStatus.Open && c.DueOn < today);
        }

        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            query = query.Where(c => c.Topic.Contains(term) || c.Question.Contains(term));
        }

        var total = await query.Take((int)Page<ConsultationView>.TotalCap + 1).CountAsync(ct);
        var ordered = status == ConsultationStatus.Open
            ? query.OrderBy(c => c.DueOn).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.AnsweredAt).ThenBy(c => c.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return await PageAsync(rows, page, total, ct);
    }

    /// <summary>A question its asker or its recipient organisation may see (anyone else: not found).</summary>
    public async Task<Result<ConsultationView>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await FindVisibleAsync(id, ct);
        return row is null ? ConsultationsErrors.NotFound : await ViewAsync(row, ct);
    }

    public async Task<Result<ConsultationView>> AnswerAsync(Guid id, AnswerRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (!IsStaff(out var organisation))
        {
            return ConsultationsErrors.StaffOnly;
        }

        var row = await Scoped(organisation, tracking: true).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return ConsultationsErrors.NotFound;
        }

        if (row.Status != ConsultationStatus.Open)
        {
            return ConsultationsErrors.AlreadyAnswered;
        }

        if (request.Version is { } seen && seen != row.Version)
        {
            return ConsultationsErrors.VersionConflict;
        }

        var now = clock.GetUtcNow();
        row.Status = ConsultationStatus.Answered;
        row.Answer = request.Answer!.Trim();
        row.AnsweredAt = now;
        row.AnsweredOn = BusinessTime.Today(clock);
        row.AnsweredBy = user.AccountId;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConsultationsErrors.VersionConflict;
        }

        if (services.GetService<INotifier>() is { } notifier)
        {
            await notifier.NotifyAsync(
                new NotificationDraft(
                    row.AskerAccountId,
                    "consultations.answered",
                    "您的政策咨询已答复",
                    "Your question was answered",
                    $"关于“{row.Topic}”的咨询已有答复，请查看。",
                    $"Your question about \"{row.Topic}\" has an answer.",
                    $"/me/consultations#q-{row.Id:N}",
                    SmsTalentId: row.TalentId,
                    DeduplicationKey: $"consultations.answered:{row.Id:N}"),
                ct);
        }

        return await ViewAsync(row, ct);
    }

    public async Task<Result<ConsultationView>> PublishFaqAsync(Guid id, PublishFaqRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request) is { } invalid)
        {
            return invalid;
        }

        if (!IsStaff(out var organisation))
        {
            return ConsultationsErrors.StaffOnly;
        }

        var row = await Scoped(organisation, tracking: true).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return ConsultationsErrors.NotFound;
        }

        if (row.Status != ConsultationStatus.Answered || row.Answer is null)
        {
            return ConsultationsErrors.NotAnswered;
        }

        var question = string.IsNullOrWhiteSpace(request.FaqQuestion) ? FaqText.Anonymise(row.Question) : request.FaqQuestion.Trim();
        var answer = string.IsNullOrWhiteSpace(request.FaqAnswer) ? FaqText.Anonymise(row.Answer) : request.FaqAnswer.Trim();
        if (FaqText.ContainsPersonalData(question) || FaqText.ContainsPersonalData(answer))
        {
            return ConsultationsErrors.PersonalDataInFaq;
        }

        row.FaqPublished = true;
        row.FaqQuestion = question;
        row.FaqAnswer = answer;
        row.FaqPublishedAt = clock.GetUtcNow();
        row.FaqPublishedBy = user.AccountId;
        row.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(row, ct);
    }

    public async Task<Result<ConsultationView>> UnpublishFaqAsync(Guid id, CancellationToken ct)
    {
        if (!IsStaff(out var organisation))
        {
            return ConsultationsErrors.StaffOnly;
        }

        var row = await Scoped(organisation, tracking: true).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return ConsultationsErrors.NotFound;
        }

        row.FaqPublished = false;
        row.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(row, ct);
    }

    public bool IsStaff(out Guid organisation)
    {
        organisation = user.OrganisationId ?? Guid.Empty;
        return user.OrganisationId is not null && user.IsInAnyRole(StaffRoles);
    }

    private IQueryable<Consultation> Scoped(Guid organisation, bool tracking = false)
    {
        var query = tracking ? db.Consultations : db.Consultations.AsNoTracking();
        return user.IsInRole(Roles.TalentOffice) ? query : query.Where(c => c.ProviderOrganisationId == organisation);
    }

    private async Task<Consultation?> FindVisibleAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        if (user.AccountId == row.AskerAccountId)
        {
            return row;
        }

        return IsStaff(out var organisation) && (user.IsInRole(Roles.TalentOffice) || row.ProviderOrganisationId == organisation) ? row : null;
    }

    private async Task<Result<Page<ConsultationView>>> PageAsync(List<Consultation> rows, PageRequest page, int total, CancellationToken ct)
    {
        var views = new List<ConsultationView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, ct));
        }

        return new Page<ConsultationView>(views, page.SafePage, page.SafeSize, Math.Min(total, Page<ConsultationView>.TotalCap), total > Page<ConsultationView>.TotalCap);
    }

    private async Task<ConsultationView> ViewAsync(Consultation row, CancellationToken ct)
    {
        var provider = await organisations.GetAsync(row.ProviderOrganisationId, ct);
        var talent = await talents.GetAsync(row.TalentId, ct);
        int? remaining = null;
        var today = Today;
        if (row.Status == ConsultationStatus.Open && row.DueOn is { } due)
        {
            var between = await calendar.WorkingDaysBetweenAsync(today, due, ct);
            remaining = between.IsSuccess ? between.Value : null;
        }

        var overdue = row.Status == ConsultationStatus.Open && row.DueOn is { } d && d < today;
        var late = row.AnsweredOn is { } answered && row.DueOn is { } dueOn && answered > dueOn;
        return new ConsultationView(
            row.Id,
            row.RightId,
            row.Topic,
            row.Question,
            row.ProviderOrganisationId,
            provider?.Name ?? "—",
            talent?.MaskedName ?? "—",
            row.Status,
            row.AskedAt,
            row.DueOn,
            remaining,
            overdue,
            row.AnsweredAt,
            late,
            row.Answer,
            row.FaqPublished,
            row.FaqQuestion,
            row.FaqAnswer,
            row.Version);
    }
}
