using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Governance.Persistence;

/// <summary>The Governance module's tables (prefixed <c>governance_</c>), created by the SQL in <c>Persistence/Migrations</c>.</summary>
internal sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : DbContext(options)
{
    public DbSet<RuleRow> Rules => Set<RuleRow>();

    public DbSet<MisuseReportRow> MisuseReports => Set<MisuseReportRow>();

    public DbSet<SignalRow> Signals => Set<SignalRow>();

    public DbSet<SignalCursorRow> SignalCursor => Set<SignalCursorRow>();

    public DbSet<EngineStateRow> EngineState => Set<EngineStateRow>();

    public DbSet<CaseRow> Cases => Set<CaseRow>();

    public DbSet<AppealRow> Appeals => Set<AppealRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<RestrictionRow> Restrictions => Set<RestrictionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var r = modelBuilder.Entity<RuleRow>();
        r.ToTable("governance_rules");
        r.HasKey(x => x.Id).HasName("pk_governance_rules");
        r.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        r.Property(x => x.Code).HasColumnName("code").IsRequired();
        r.Property(x => x.Version).HasColumnName("version");
        r.Property(x => x.NameZh).HasColumnName("name_zh").IsRequired();
        r.Property(x => x.NameEn).HasColumnName("name_en").IsRequired();
        r.Property(x => x.OwnerKind).HasColumnName("owner_kind").IsRequired();
        r.Property(x => x.OwnerOrganisationId).HasColumnName("owner_organisation_id");
        r.Property(x => x.MisuseReportsMin).HasColumnName("misuse_reports_min");
        r.Property(x => x.MisuseReportsDays).HasColumnName("misuse_reports_days");
        r.Property(x => x.ReviewOverdue).HasColumnName("review_overdue");
        r.Property(x => x.LeftArea).HasColumnName("left_area");
        r.Property(x => x.ConfirmedSignal).HasColumnName("confirmed_signal");
        r.Property(x => x.ResponseWorkingDays).HasColumnName("response_working_days");
        r.Property(x => x.DeciderRole).HasColumnName("decider_role").IsRequired();
        r.Property(x => x.DeciderNotSender).HasColumnName("decider_not_sender");
        r.Property(x => x.Effect).HasColumnName("effect").IsRequired();
        r.Property(x => x.EffectPartnerId).HasColumnName("effect_partner_id");
        r.Property(x => x.TerminationGround).HasColumnName("termination_ground");
        r.Property(x => x.Status).HasColumnName("status").IsRequired();
        r.Property(x => x.CreatedAt).HasColumnName("created_at");
        r.Property(x => x.CreatedBy).HasColumnName("created_by");
        r.Property(x => x.EndedAt).HasColumnName("ended_at");
        r.HasIndex(x => new { x.Code, x.Version }).IsUnique().HasDatabaseName("ux_governance_rules_code_version");
        r.HasIndex(x => x.Code).IsUnique().HasFilter("status = 'active'").HasDatabaseName("ux_governance_rules_active");

        var m = modelBuilder.Entity<MisuseReportRow>();
        m.ToTable("governance_misuse_reports");
        m.HasKey(x => x.Id).HasName("pk_governance_misuse_reports");
        m.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        m.Property(x => x.TalentId).HasColumnName("talent_id");
        m.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        m.Property(x => x.AccountId).HasColumnName("account_id");
        m.Property(x => x.Channel).HasColumnName("channel").IsRequired();
        m.Property(x => x.Description).HasColumnName("description").IsRequired();
        m.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        m.Property(x => x.CreatedAt).HasColumnName("created_at");
        m.HasIndex(x => new { x.TalentId, x.OccurredAt }).HasDatabaseName("ix_governance_misuse_reports_talent");
        m.HasIndex(x => new { x.OccurredAt }).HasDatabaseName("ix_governance_misuse_reports_occurred");

        var s = modelBuilder.Entity<SignalRow>();
        s.ToTable("governance_signals");
        s.HasKey(x => x.Id).HasName("pk_governance_signals");
        s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        s.Property(x => x.TalentId).HasColumnName("talent_id");
        s.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        s.Property(x => x.Status).HasColumnName("status").IsRequired();
        s.Property(x => x.FirstScanId).HasColumnName("first_scan_id");
        s.Property(x => x.SecondScanId).HasColumnName("second_scan_id");
        s.Property(x => x.FirstOrganisationId).HasColumnName("first_organisation_id");
        s.Property(x => x.SecondOrganisationId).HasColumnName("second_organisation_id");
        s.Property(x => x.FirstAt).HasColumnName("first_at");
        s.Property(x => x.SecondAt).HasColumnName("second_at");
        s.Property(x => x.DetectedAt).HasColumnName("detected_at");
        s.Property(x => x.ReviewedBy).HasColumnName("reviewed_by");
        s.Property(x => x.ReviewedAt).HasColumnName("reviewed_at");
        s.Property(x => x.ReviewNote).HasColumnName("review_note");
        s.HasIndex(x => new { x.SecondScanId, x.Kind }).IsUnique().HasDatabaseName("ux_governance_signals_scan_kind");
        s.HasIndex(x => new { x.Status, x.DetectedAt }).HasDatabaseName("ix_governance_signals_status");
        s.HasIndex(x => new { x.TalentId, x.Status }).HasDatabaseName("ix_governance_signals_talent");

        var sc = modelBuilder.Entity<SignalCursorRow>();
        sc.ToTable("governance_signal_cursor");
        sc.HasKey(x => x.Id).HasName("pk_governance_signal_cursor");
        sc.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        sc.Property(x => x.AfterAt).HasColumnName("after_at");
        sc.Property(x => x.AfterId).HasColumnName("after_id");
        sc.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var e = modelBuilder.Entity<EngineStateRow>();
        e.ToTable("governance_engine_state");
        e.HasKey(x => x.Id).HasName("pk_governance_engine_state");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.LastRunAt).HasColumnName("last_run_at");

        var c = modelBuilder.Entity<CaseRow>();
        c.ToTable("governance_cases");
        c.HasKey(x => x.Id).HasName("pk_governance_cases");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.TalentId).HasColumnName("talent_id");
        c.Property(x => x.RuleId).HasColumnName("rule_id");
        c.Property(x => x.RuleCode).HasColumnName("rule_code").IsRequired();
        c.Property(x => x.RuleVersion).HasColumnName("rule_version");
        c.Property(x => x.Effect).HasColumnName("effect").IsRequired();
        c.Property(x => x.Status).HasColumnName("status").IsRequired();
        c.Property(x => x.FactsJson).HasColumnName("facts_json").IsRequired();
        c.Property(x => x.OpenedAt).HasColumnName("opened_at");
        c.Property(x => x.OpenedBy).HasColumnName("opened_by");
        c.Property(x => x.NoticeSentAt).HasColumnName("notice_sent_at");
        c.Property(x => x.NoticeSentBy).HasColumnName("notice_sent_by");
        c.Property(x => x.RespondUntil).HasColumnName("respond_until");
        c.Property(x => x.Response).HasColumnName("response");
        c.Property(x => x.RespondedAt).HasColumnName("responded_at");
        c.Property(x => x.Outcome).HasColumnName("outcome");
        c.Property(x => x.DecidedAt).HasColumnName("decided_at");
        c.Property(x => x.DecidedBy).HasColumnName("decided_by");
        c.Property(x => x.DecisionReason).HasColumnName("decision_reason");
        c.Property(x => x.AppealUntil).HasColumnName("appeal_until");
        c.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        c.HasIndex(x => new { x.TalentId, x.RuleCode }).IsUnique().HasFilter("status = 'noticed'").HasDatabaseName("ux_governance_cases_open");
        c.HasIndex(x => new { x.Status, x.OpenedAt }).HasDatabaseName("ix_governance_cases_status");
        c.HasIndex(x => new { x.TalentId, x.OpenedAt }).HasDatabaseName("ix_governance_cases_talent");

        var a = modelBuilder.Entity<AppealRow>();
        a.ToTable("governance_appeals");
        a.HasKey(x => x.Id).HasName("pk_governance_appeals");
        a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        a.Property(x => x.CaseId).HasColumnName("case_id");
        a.Property(x => x.TalentId).HasColumnName("talent_id");
        a.Property(x => x.Grounds).HasColumnName("grounds").IsRequired();
        a.Property(x => x.FiledAt).HasColumnName("filed_at");
        a.Property(x => x.DecideBy).HasColumnName("decide_by");
        a.Property(x => x.Status).HasColumnName("status").IsRequired();
        a.Property(x => x.DecidedAt).HasColumnName("decided_at");
        a.Property(x => x.DecidedBy).HasColumnName("decided_by");
        a.Property(x => x.Reason).HasColumnName("reason");
        a.HasIndex(x => x.CaseId).IsUnique().HasDatabaseName("ux_governance_appeals_case");
        a.HasIndex(x => new { x.Status, x.DecideBy }).HasDatabaseName("ix_governance_appeals_status");

        var d = modelBuilder.Entity<DecisionRow>();
        d.ToTable("governance_decisions");
        d.HasKey(x => x.Id).HasName("pk_governance_decisions");
        d.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        d.Property(x => x.CaseId).HasColumnName("case_id");
        d.Property(x => x.TalentId).HasColumnName("talent_id");
        d.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        d.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        d.Property(x => x.RuleCode).HasColumnName("rule_code").IsRequired();
        d.Property(x => x.RuleVersion).HasColumnName("rule_version");
        d.Property(x => x.FactsJson).HasColumnName("facts_json").IsRequired();
        d.Property(x => x.DecidedBy).HasColumnName("decided_by");
        d.Property(x => x.DeciderRole).HasColumnName("decider_role").IsRequired();
        d.Property(x => x.Reason).HasColumnName("reason").IsRequired();
        d.Property(x => x.Ground).HasColumnName("ground");
        d.Property(x => x.DecidedAt).HasColumnName("decided_at");
        d.Property(x => x.DocumentDigest).HasColumnName("document_digest").IsRequired();
        d.Property(x => x.LedgerKind).HasColumnName("ledger_kind");
        d.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        d.HasIndex(x => new { x.CaseId, x.DecidedAt }).HasDatabaseName("ix_governance_decisions_case");
        d.HasIndex(x => new { x.Kind, x.DecidedAt }).HasDatabaseName("ix_governance_decisions_kind");
        d.HasIndex(x => new { x.TalentId, x.DecidedAt }).HasDatabaseName("ix_governance_decisions_talent");

        var x2 = modelBuilder.Entity<RestrictionRow>();
        x2.ToTable("governance_restrictions");
        x2.HasKey(x => x.Id).HasName("pk_governance_restrictions");
        x2.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        x2.Property(x => x.TalentId).HasColumnName("talent_id");
        x2.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        x2.Property(x => x.CaseId).HasColumnName("case_id");
        x2.Property(x => x.StartedAt).HasColumnName("started_at");
        x2.Property(x => x.LiftedAt).HasColumnName("lifted_at");
        x2.HasIndex(x => new { x.TalentId, x.PartnerOrganisationId }).HasDatabaseName("ix_governance_restrictions_talent");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
