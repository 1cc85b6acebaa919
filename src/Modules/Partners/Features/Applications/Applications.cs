using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Http;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Partners.Contracts;
using TalentPass.Modules.Partners.Domain;
using TalentPass.Modules.Partners.Persistence;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Partners.Features.Applications;

/// <summary>An uploaded material: kind, file name, content type and the content in Base64 (API) or bytes (form).</summary>
internal sealed record MaterialUpload(string? Kind, string? FileName, string? ContentType, string? ContentBase64)
{
    public byte[]? Bytes { get; init; }
}

internal sealed record SubmitApplicationRequest
{
    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? CompanyName { get; init; }

    /// <summary>The organisation code wanted (3–48 of a–z, 0–9, '-').</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,47}$", ErrorMessage = "3–48位小写字母、数字或“-” / 3–48 of a–z, 0–9, '-'.")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    public string? LicenceCode { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [StringLength(50, ErrorMessage = "最多50个字符 / At most 50 characters.")]
    public string? ContactName { get; init; }

    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression(@"^[0-9+\- ]{5,20}$", ErrorMessage = "5–20位数字 / 5–20 digits.")]
    public string? ContactPhone { get; init; }

    [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not an e-mail address.")]
    [StringLength(100, ErrorMessage = "最多100个字符 / At most 100 characters.")]
    public string? ContactEmail { get; init; }

    /// <summary>Username of the partner staff account created on approval (3–64 of a–z, 0–9, '.', '_', '-').</summary>
    [Required(ErrorMessage = "必填 / Required.")]
    [RegularExpression("^[a-z0-9._-]{3,64}$", ErrorMessage = "3–64位小写字母、数字或 . _ - / 3–64 of a–z, 0–9, '.', '_', '-'.")]
    public string? StaffUsername { get; init; }

    public IReadOnlyList<MaterialUpload>? Files { get; init; }
}

internal sealed record ApplicationFileView(Guid Id, string Kind, string FileName, string ContentType, long Size, string Sha256);

internal sealed record ApplicationView(
    Guid Id,
    string Kind,
    string CompanyName,
    string Code,
    string LicenceCode,
    string ContactName,
    string ContactPhone,
    string? ContactEmail,
    string StaffUsername,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    Guid? OrganisationId,
    int Version,
    IReadOnlyList<ApplicationFileView> Files);

internal sealed record ApplicationSummary(Guid Id, string CompanyName, string Code, string LicenceCode, string Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt);

internal sealed record DecideApplicationRequest(string? Reason, int? Version);

internal sealed record StoredFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Partner applications (M-18): anyone (signed in or not) submits one with its materials; the talent office lists,
/// reads, approves (→ onboarding: organisation, staff account, agreement evidence, first API key) or refuses with a
/// reason. Files are kept in the database with their SHA-256.
/// </summary>
internal sealed class ApplicationsHandler(PartnersDbContext db, ICurrentUser user, PartnerOnboarding onboarding, IAuditTrail audit, TimeProvider clock)
{
    public bool CanReview => user.IsInRole(Roles.TalentOffice);

    public async Task<Result<ApplicationView>> SubmitAsync(SubmitApplicationRequest request, CancellationToken ct)
    {
        if (RequestValidation.Validate(request, "partners.application_invalid") is { } invalid)
        {
            return invalid;
        }

        var licence = request.LicenceCode!.Trim().ToUpperInvariant();
        if (!PartnerRules.IsValidLicenceCode(licence))
        {
            return PartnersErrors.LicenceCodeInvalid;
        }

        var files = ReadFiles(request.Files);
        if (!files.IsSuccess)
        {
            return files.Error;
        }

        if (!files.Value.Any(f => f.Kind == PartnerRules.FileAgreement))
        {
            return PartnersErrors.AgreementMissing;
        }

        var code = request.Code!.Trim();
        if (await db.Partners.AnyAsync(p => p.LicenceCode == licence || p.Code == code, ct)
            || await db.Applications.AnyAsync(a => a.Status == PartnerRules.ApplicationPending && (a.LicenceCode == licence || a.Code == code), ct))
        {
            return PartnersErrors.LicenceCodeTaken;
        }

        var now = clock.GetUtcNow();
        var row = new ApplicationRow
        {
            Id = Guid.CreateVersion7(now),
            Kind = PartnerKinds.Financial,
            CompanyName = request.CompanyName!.Trim(),
            Code = code,
            LicenceCode = licence,
            ContactName = request.ContactName!.Trim(),
            ContactPhone = request.ContactPhone!.Trim(),
            ContactEmail = string.IsNullOrWhiteSpace(request.ContactEmail) ? null : request.ContactEmail.Trim(),
            StaffUsername = request.StaffUsername!.Trim(),
            Status = PartnerRules.ApplicationPending,
            SubmittedAt = now,
            SubmittedBy = user.AccountId,
            Version = 1,
        };
        foreach (var (kind, name, type, bytes) in files.Value)
        {
            row.Files.Add(new ApplicationFileRow
            {
                Id = Guid.CreateVersion7(now),
                ApplicationId = row.Id,
                Kind = kind,
                FileName = name,
                ContentType = type,
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Content = bytes,
                UploadedAt = now,
            });
        }

        db.Applications.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord("partners.application_submitted", "partner_application", row.Id.ToString(), $"code={row.Code}; files={row.Files.Count}", ActorName: user.IsAuthenticated ? null : "anonymous"), ct);
        return ToView(row);
    }

    public async Task<Result<Page<ApplicationSummary>>> SearchAsync(string? q, string? status, PageRequest page, CancellationToken ct)
    {
        if (!CanReview)
        {
            return PartnersErrors.Forbidden;
        }

        var query = db.Applications.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(a => a.Status == status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(a => a.CompanyName.ToLower().Contains(term) || a.Code.Contains(term) || a.LicenceCode.ToLower().Contains(term));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.SubmittedAt).Skip(page.Skip).Take(page.SafeSize)
            .Select(a => new ApplicationSummary(a.Id, a.CompanyName, a.Code, a.LicenceCode, a.Status, a.SubmittedAt, a.DecidedAt))
            .ToListAsync(ct);
        return new Page<ApplicationSummary>(items, page.SafePage, page.SafeSize, total);
    }

    public async Task<Result<ApplicationView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!CanReview)
        {
            return PartnersErrors.Forbidden;
        }

        var row = await db.Applications.AsNoTracking().Include(a => a.Files).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        return row is null ? PartnersErrors.ApplicationNotFound : ToView(row);
    }

    public async Task<Result<StoredFile>> GetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!CanReview)
        {
            return PartnersErrors.Forbidden;
        }

        var file = await db.ApplicationFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id, ct);
        return file is null ? PartnersErrors.ApplicationNotFound : new StoredFile(file.FileName, file.ContentType, file.Content);
    }

    public async Task<Result<OnboardingResult>> ApproveAsync(Guid id, DecideApplicationRequest request, CancellationToken ct)
    {
        var loaded = await LoadPendingAsync(id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var row = loaded.Value;
        var agreement = row.Files.Where(f => f.Kind == PartnerRules.FileAgreement).OrderByDescending(f => f.UploadedAt).First();
        var draft = new OnboardingDraft(
            row.Kind, row.Code, row.CompanyName, row.LicenceCode, row.ContactName, row.ContactPhone, row.ContactEmail, row.StaffUsername, agreement.Sha256, row.Id);
        return await onboarding.OnboardAsync(
            draft,
            (organisationId, now) =>
            {
                row.Status = PartnerRules.ApplicationApproved;
                row.DecidedAt = now;
                row.DecidedBy = user.AccountId;
                row.DecisionReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
                row.OrganisationId = organisationId;
                row.Version++;
                return Task.CompletedTask;
            },
            ct);
    }

    public async Task<Result<ApplicationView>> RefuseAsync(Guid id, DecideApplicationRequest request, CancellationToken ct)
    {
        var loaded = await LoadPendingAsync(id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        if (!PartnerRules.IsValidReason(request.Reason))
        {
            return PartnersErrors.ReasonRequired;
        }

        var row = loaded.Value;
        row.Status = PartnerRules.ApplicationRefused;
        row.DecidedAt = clock.GetUtcNow();
        row.DecidedBy = user.AccountId;
        row.DecisionReason = request.Reason!.Trim();
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnersErrors.VersionConflict;
        }

        await audit.RecordAsync(new AuditRecord("partners.application_refused", "partner_application", row.Id.ToString(), $"code={row.Code}"), ct);
        return ToView(row);
    }

    private async Task<Result<ApplicationRow>> LoadPendingAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!CanReview)
        {
            return PartnersErrors.Forbidden;
        }

        var row = await db.Applications.Include(a => a.Files).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return PartnersErrors.ApplicationNotFound;
        }

        if (row.Status != PartnerRules.ApplicationPending)
        {
            return PartnersErrors.ApplicationAlreadyDecided;
        }

        return version is { } v && v != row.Version ? PartnersErrors.VersionConflict : row;
    }

    private static Result<List<(string Kind, string Name, string Type, byte[] Bytes)>> ReadFiles(IReadOnlyList<MaterialUpload>? uploads)
    {
        var files = new List<(string, string, string, byte[])>();
        if (uploads is null)
        {
            return files;
        }

        if (uploads.Count > PartnerRules.MaxFiles)
        {
            return PartnersErrors.FileInvalid;
        }

        foreach (var upload in uploads)
        {
            var kind = upload.Kind?.Trim().ToLowerInvariant();
            var name = Path.GetFileName(upload.FileName?.Trim() ?? string.Empty);
            if (kind is null || !PartnerRules.FileKinds.Contains(kind) || name.Length is 0 or > 200 || name.Any(char.IsControl))
            {
                return PartnersErrors.FileInvalid;
            }

            var bytes = upload.Bytes;
            if (bytes is null)
            {
                try
                {
                    bytes = Convert.FromBase64String(upload.ContentBase64 ?? string.Empty);
                }
                catch (FormatException)
                {
                    return PartnersErrors.FileInvalid;
                }
            }

            if (bytes.Length is 0 or > PartnerRules.MaxFileBytes)
            {
                return PartnersErrors.FileInvalid;
            }

            var type = string.IsNullOrWhiteSpace(upload.ContentType) || upload.ContentType.Length > 100 ? "application/octet-stream" : upload.ContentType.Trim();
            files.Add((kind, name, type, bytes));
        }

        return files;
    }

    private static ApplicationView ToView(ApplicationRow a) => new(
        a.Id,
        a.Kind,
        a.CompanyName,
        a.Code,
        a.LicenceCode,
        a.ContactName,
        a.ContactPhone,
        a.ContactEmail,
        a.StaffUsername,
        a.Status,
        a.SubmittedAt,
        a.DecidedAt,
        a.DecisionReason,
        a.OrganisationId,
        a.Version,
        a.Files.OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName).Select(f => new ApplicationFileView(f.Id, f.Kind, f.FileName, f.ContentType, f.Size, f.Sha256)).ToList());
}
