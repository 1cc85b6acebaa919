using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.HostBank.Persistence;

/// <summary>The HostBank module's tables (prefixed <c>hostbank_</c>), created by the SQL in <c>Persistence/Migrations</c>.</summary>
internal sealed class HostBankDbContext(DbContextOptions<HostBankDbContext> options) : DbContext(options)
{
    public DbSet<ChoiceRow> Choices => Set<ChoiceRow>();

    public DbSet<LinkRow> Links => Set<LinkRow>();

    public DbSet<BankReportRow> BankReports => Set<BankReportRow>();

    public DbSet<EnterpriseReportRow> EnterpriseReports => Set<EnterpriseReportRow>();

    public DbSet<AssessmentRow> Assessments => Set<AssessmentRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var c = modelBuilder.Entity<ChoiceRow>();
        c.ToTable("hostbank_choices");
        c.HasKey(x => x.Id).HasName("pk_hostbank_choices");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.TalentId).HasColumnName("talent_id");
        c.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        c.Property(x => x.Since).HasColumnName("since");
        c.Property(x => x.Until).HasColumnName("until");
        c.Property(x => x.ChosenAt).HasColumnName("chosen_at");
        c.Property(x => x.EndedAt).HasColumnName("ended_at");
        c.Property(x => x.ChosenBy).HasColumnName("chosen_by");
        c.Property(x => x.CommitmentDocument).HasColumnName("commitment_document").IsRequired();
        c.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        c.HasIndex(x => x.TalentId, "ux_hostbank_choices_current").IsUnique().HasFilter("ended_at IS NULL");
        c.HasIndex(x => new { x.TalentId, x.ChosenAt }, "ix_hostbank_choices_talent");
        c.HasIndex(x => new { x.PartnerOrganisationId, x.TalentId }, "ix_hostbank_choices_partner");

        var l = modelBuilder.Entity<LinkRow>();
        l.ToTable("hostbank_links");
        l.HasKey(x => x.EnterpriseOrganisationId).HasName("pk_hostbank_links");
        l.Property(x => x.EnterpriseOrganisationId).HasColumnName("enterprise_organisation_id").ValueGeneratedNever();
        l.Property(x => x.TalentId).HasColumnName("talent_id");
        l.Property(x => x.CreditCode).HasColumnName("credit_code").IsRequired();
        l.Property(x => x.LinkedAt).HasColumnName("linked_at");
        l.HasIndex(x => x.TalentId, "ix_hostbank_links_talent");

        var b = modelBuilder.Entity<BankReportRow>();
        b.ToTable("hostbank_bank_reports");
        b.HasKey(x => x.Id).HasName("pk_hostbank_bank_reports");
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.EnterpriseOrganisationId).HasColumnName("enterprise_organisation_id");
        b.Property(x => x.Quarter).HasColumnName("quarter").IsRequired();
        b.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        b.Property(x => x.DepositsFen).HasColumnName("deposits_fen");
        b.Property(x => x.LoansFen).HasColumnName("loans_fen");
        b.Property(x => x.ReportedAt).HasColumnName("reported_at");
        b.Property(x => x.ReportedBy).HasColumnName("reported_by");
        b.HasIndex(x => new { x.EnterpriseOrganisationId, x.Quarter }, "ux_hostbank_bank_reports_quarter").IsUnique();
        b.HasIndex(x => new { x.PartnerOrganisationId, x.Quarter }, "ix_hostbank_bank_reports_partner");

        var e = modelBuilder.Entity<EnterpriseReportRow>();
        e.ToTable("hostbank_enterprise_reports");
        e.HasKey(x => x.Id).HasName("pk_hostbank_enterprise_reports");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EnterpriseOrganisationId).HasColumnName("enterprise_organisation_id");
        e.Property(x => x.Quarter).HasColumnName("quarter").IsRequired();
        e.Property(x => x.TotalDepositsFen).HasColumnName("total_deposits_fen");
        e.Property(x => x.TotalLoansFen).HasColumnName("total_loans_fen");
        e.Property(x => x.RevenueFen).HasColumnName("revenue_fen");
        e.Property(x => x.ValuationFen).HasColumnName("valuation_fen");
        e.Property(x => x.ReportedAt).HasColumnName("reported_at");
        e.Property(x => x.ReportedBy).HasColumnName("reported_by");
        e.HasIndex(x => new { x.EnterpriseOrganisationId, x.Quarter }, "ux_hostbank_enterprise_reports_quarter").IsUnique();

        var a = modelBuilder.Entity<AssessmentRow>();
        a.ToTable("hostbank_assessments");
        a.HasKey(x => new { x.EnterpriseOrganisationId, x.Quarter }).HasName("pk_hostbank_assessments");
        a.Property(x => x.EnterpriseOrganisationId).HasColumnName("enterprise_organisation_id");
        a.Property(x => x.Quarter).HasColumnName("quarter");
        a.Property(x => x.TalentId).HasColumnName("talent_id");
        a.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        a.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        a.Property(x => x.HostFen).HasColumnName("host_fen");
        a.Property(x => x.TotalFen).HasColumnName("total_fen");
        a.Property(x => x.ShareBasisPoints).HasColumnName("share_basis_points");
        a.Property(x => x.AssessedAt).HasColumnName("assessed_at");
        a.Property(x => x.Document).HasColumnName("document").IsRequired();
        a.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        a.HasIndex(x => new { x.Quarter, x.Outcome }, "ix_hostbank_assessments_quarter");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }

}
