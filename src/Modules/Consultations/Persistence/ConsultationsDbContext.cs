using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Consultations.Domain;

namespace TalentPass.Modules.Consultations.Persistence;

/// <summary>The Consultations module's table (prefixed <c>consultations_</c>), created by the SQL in <c>Persistence/Migrations</c>.</summary>
internal sealed class ConsultationsDbContext(DbContextOptions<ConsultationsDbContext> options) : DbContext(options)
{
    public DbSet<Consultation> Consultations => Set<Consultation>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var c = modelBuilder.Entity<Consultation>();
        c.ToTable("consultations_questions");
        c.HasKey(x => x.Id).HasName("pk_consultations_questions");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.TalentId).HasColumnName("talent_id");
        c.Property(x => x.AskerAccountId).HasColumnName("asker_account_id");
        c.Property(x => x.RightId).HasColumnName("right_id");
        c.Property(x => x.Topic).HasColumnName("topic").IsRequired();
        c.Property(x => x.Question).HasColumnName("question").IsRequired();
        c.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        c.Property(x => x.Status).HasColumnName("status").IsRequired();
        c.Property(x => x.AskedAt).HasColumnName("asked_at");
        c.Property(x => x.AskedOn).HasColumnName("asked_on");
        c.Property(x => x.DueOn).HasColumnName("due_on");
        c.Property(x => x.AnsweredAt).HasColumnName("answered_at");
        c.Property(x => x.AnsweredOn).HasColumnName("answered_on");
        c.Property(x => x.AnsweredBy).HasColumnName("answered_by");
        c.Property(x => x.Answer).HasColumnName("answer");
        c.Property(x => x.FaqPublished).HasColumnName("faq_published");
        c.Property(x => x.FaqQuestion).HasColumnName("faq_question");
        c.Property(x => x.FaqAnswer).HasColumnName("faq_answer");
        c.Property(x => x.FaqPublishedAt).HasColumnName("faq_published_at");
        c.Property(x => x.FaqPublishedBy).HasColumnName("faq_published_by");
        c.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        c.HasIndex(x => new { x.ProviderOrganisationId, x.Status, x.DueOn }).HasDatabaseName("ix_consultations_questions_provider");
        c.HasIndex(x => new { x.TalentId, x.AskedAt }).HasDatabaseName("ix_consultations_questions_talent");
        c.HasIndex(x => new { x.Status, x.DueOn }).HasDatabaseName("ix_consultations_questions_status");
        c.HasIndex(x => new { x.FaqPublished, x.RightId }).HasDatabaseName("ix_consultations_questions_faq");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
