using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Recognition.Domain;
using TalentPass.Modules.Recognition.Persistence;
using TalentPass.Modules.Talents.Contracts;

namespace TalentPass.Modules.Recognition.Features.Shared;

internal sealed record CriterionView(string Code, string Level, string TitleZh, string TitleEn, string? DataSource);

internal sealed record EvidenceView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

internal sealed record LookupView(string CriterionCode, string Source, string Outcome, bool? Matched, string Explanation, string? AnswerSha256, Guid? AnswerId, DateTimeOffset FetchedAt);

/// <param name="ExpertName">Shown to the talent office and to the expert themself; others see "专家 n".</param>
/// <param name="Score">Visible to the expert who gave it, and to everyone on the panel and the office once closed.</param>
internal sealed record PanelMemberView(Guid? ExpertAccountId, string ExpertName, string? Affiliation, bool EmployerConflict, bool Declared, bool? HasConflict, string? ConflictReason, bool Scored, int? Score, string? Comment, bool IsMe);

internal sealed record PanelView(DateTimeOffset? FormedAt, DateTimeOffset? ClosedAt, IReadOnlyList<PanelMemberView> Members, decimal? Mean, int? Counted, int Scored, int Eligible);

internal sealed record MailView(string? Carrier, string? TrackingNumber, DateTimeOffset? MailedAt, bool HasAddress);

internal sealed record ApplicationView(
    Guid Id,
    string Number,
    Guid TalentId,
    string TalentName,
    string? TalentLevel,
    string Path,
    string Status,
    string RequestedLevel,
    string? LevelAtSubmission,
    string? RecommendedLevel,
    string? DecidedLevel,
    string CatalogueVersion,
    IReadOnlyList<CriterionView> Criteria,
    string? Statement,
    Guid? EmployerOrganisationId,
    bool SubmittedOnBehalf,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<LookupView> Lookups,
    PanelView? Panel,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    DateOnly? EffectiveOn,
    string? CertificateNumber,
    string? CertificateDigest,
    long? LedgerIndex,
    MailView Mail,
    DateTimeOffset? RevokedAt,
    string? RevokeReason,
    int Version);

/// <summary>One row of a list (queue, my recognitions, an employer's self-recognitions).</summary>
internal sealed record ApplicationRow(
    Guid Id,
    string Number,
    Guid TalentId,
    string TalentName,
    string Path,
    string Status,
    string RequestedLevel,
    string? RecommendedLevel,
    string? DecidedLevel,
    DateTimeOffset SubmittedAt,
    DateOnly? EffectiveOn,
    string? CertificateNumber);

/// <summary>Builds views; hides panel scores according to the viewer (independence until the panel closes).</summary>
internal sealed class ApplicationViewBuilder(RecognitionDbContext db, ITalentDirectory talents, RecognitionAccess access)
{
    public static CriterionView Criterion(Criterion c) => new(c.Code, c.Level, c.TitleZh, c.TitleEn, c.DataSource);

    public async Task<ApplicationView> BuildAsync(RecognitionApplication a, CancellationToken ct)
    {
        var talent = await talents.GetAsync(a.TalentId, ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.ApplicationId == a.Id).OrderBy(e => e.Id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAt)).ToListAsync(ct);
        var lookups = await db.Lookups.AsNoTracking().Where(l => l.ApplicationId == a.Id).OrderBy(l => l.Id)
            .Select(l => new LookupView(l.CriterionCode, l.Source, l.Outcome, l.Matched, l.Explanation, l.AnswerSha256, l.AnswerId, l.FetchedAt)).ToListAsync(ct);
        var catalogue = CriteriaCatalogue.Current;
        var criteria = a.CriterionCodes.Select(c => catalogue.Find(c) is { } found ? Criterion(found) : new CriterionView(c, "?", c, c, null)).ToList();
        return new ApplicationView(
            a.Id, a.Number, a.TalentId, talent?.MaskedName ?? "—", talent?.Level, a.Path, a.Status, a.RequestedLevel, a.LevelAtSubmission,
            a.RecommendedLevel, a.DecidedLevel, a.CatalogueVersion, criteria, a.Statement, a.EmployerOrganisationId, a.SubmittedOnBehalf, a.SubmittedAt,
            evidence, lookups, await PanelAsync(a, ct), a.DecidedAt, a.DecisionReason, a.EffectiveOn, a.CertificateNumber, a.CertificateDigest, a.LedgerIndex,
            new MailView(a.MailCarrier, a.MailTrackingNumber, a.MailedAt, a.MailAddressCipher is not null), a.RevokedAt, a.RevokeReason, a.Version);
    }

    private async Task<PanelView?> PanelAsync(RecognitionApplication a, CancellationToken ct)
    {
        if (a.Path != RecognitionPaths.ExpertReview || a.PanelFormedAt is null)
        {
            return null;
        }

        var members = await db.PanelMembers.AsNoTracking().Where(m => m.ApplicationId == a.Id).ToListAsync(ct);
        var ids = members.Select(m => m.ExpertAccountId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.AccountId)).ToDictionaryAsync(e => e.AccountId, ct);
        var closed = a.PanelClosedAt is not null;
        var office = access.IsTalentOffice;
        var me = access.AccountId;
        var onPanel = members.Any(m => m.ExpertAccountId == me);
        var views = new List<PanelMemberView>();
        var n = 0;
        foreach (var m in members.OrderBy(m => m.ExpertAccountId))
        {
            n++;
            var isMe = m.ExpertAccountId == me;
            var named = office || isMe;
            var showScore = isMe || (closed && (office || onPanel));
            var showDetail = office || isMe || onPanel;
            experts.TryGetValue(m.ExpertAccountId, out var expert);
            views.Add(new PanelMemberView(
                named ? m.ExpertAccountId : null,
                named ? expert?.DisplayName ?? "—" : $"专家 {n} / Expert {n}",
                named ? expert?.AffiliationName : null,
                showDetail && m.EmployerConflict,
                showDetail && m.DeclaredAt is not null,
                showDetail ? m.HasConflict : null,
                named ? m.ConflictReason : null,
                showDetail && m.Score is not null,
                showScore ? m.Score : null,
                showScore ? m.Comment : null,
                isMe));
        }

        if (!office && !onPanel)
        {
            views.Clear(); // the talent sees the panel's result, not who sat on it
        }

        return new PanelView(a.PanelFormedAt, a.PanelClosedAt, views, closed ? a.Score : null, a.ScoresCounted,
            members.Count(m => m.Score is not null), members.Count(m => m.MayScore));
    }

    public async Task<IReadOnlyList<ApplicationRow>> RowsAsync(IReadOnlyList<RecognitionApplication> items, CancellationToken ct)
    {
        var rows = new List<ApplicationRow>(items.Count);
        foreach (var a in items)
        {
            var talent = await talents.GetAsync(a.TalentId, ct);
            rows.Add(new ApplicationRow(a.Id, a.Number, a.TalentId, talent?.MaskedName ?? "—", a.Path, a.Status, a.RequestedLevel,
                a.RecommendedLevel, a.DecidedLevel, a.SubmittedAt, a.EffectiveOn, a.CertificateNumber));
        }

        return rows;
    }
}
