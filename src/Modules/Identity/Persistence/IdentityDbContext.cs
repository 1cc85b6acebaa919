using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TalentPass.Modules.Identity.Contracts;
using TalentPass.Modules.Identity.Domain;

namespace TalentPass.Modules.Identity.Persistence;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();

    public DbSet<AccountRow> Accounts => Set<AccountRow>();

    public DbSet<AccountRoleRow> AccountRoles => Set<AccountRoleRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var sqlite = Database.IsSqlite();
        modelBuilder.Entity<OrganisationRow>(e =>
        {
            e.ToTable("identity_organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Code).HasColumnName("code");
            e.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_identity_organisations_code");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Kind).HasColumnName("kind")
                .HasConversion(k => OrganisationKinds.ToCode(k), s => OrganisationKinds.Parse(s));
            e.HasIndex(x => x.Kind).HasDatabaseName("ix_identity_organisations_kind");
            e.Property(x => x.ParentId).HasColumnName("parent_id");
            e.Property(x => x.IsActive).HasColumnName("is_active");
            Instant(e.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        });
        modelBuilder.Entity<AccountRow>(e =>
        {
            e.ToTable("identity_accounts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Username).HasColumnName("username");
            e.HasIndex(x => x.Username).IsUnique().HasDatabaseName("ux_identity_accounts_username");
            e.Property(x => x.DisplayName).HasColumnName("display_name");
            e.Property(x => x.PasswordHash).HasColumnName("password_hash");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.HasIndex(x => x.OrganisationId).HasDatabaseName("ix_identity_accounts_organisation");
            e.Property(x => x.IsActive).HasColumnName("is_active");
            e.Property(x => x.IsDemo).HasColumnName("is_demo");
            e.Property(x => x.FailedSignIns).HasColumnName("failed_sign_ins");
            Instant(e.Property(x => x.LockoutEnd).HasColumnName("lockout_end"), sqlite);
            Instant(e.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
            Instant(e.Property(x => x.LastSignInAt).HasColumnName("last_sign_in_at"), sqlite);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AccountRoleRow>(e =>
        {
            e.ToTable("identity_account_roles");
            e.HasKey(x => new { x.AccountId, x.Role });
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.Role).HasColumnName("role");
            e.HasIndex(x => x.Role).HasDatabaseName("ix_identity_account_roles_role");
        });
        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("identity_data_protection_keys");
            e.HasKey(x => x.FriendlyName);
            e.Property(x => x.FriendlyName).HasColumnName("friendly_name");
            e.Property(x => x.Xml).HasColumnName("xml");
            Instant(e.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
        });
    }

    /// <summary>SQLite cannot order or compare DateTimeOffset: instants are INTEGER UTC ticks there, timestamptz on PostgreSQL.</summary>
    private static void Instant(PropertyBuilder<DateTimeOffset> property, bool sqlite)
    {
        if (sqlite)
        {
            property.HasConversion(UtcTicks).HasColumnType("INTEGER");
        }
    }

    private static void Instant(PropertyBuilder<DateTimeOffset?> property, bool sqlite)
    {
        if (sqlite)
        {
            property.HasConversion(UtcTicks).HasColumnType("INTEGER");
        }
    }
}
