using System.ComponentModel.DataAnnotations;

namespace TalentPass.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// <c>Database:Provider</c> (Sqlite by default, or Postgres) and <c>ConnectionStrings:TalentPass</c>.
/// Relative SQLite paths are resolved by <see cref="DataPaths"/>, so the web host and the CLI run from a
/// checkout share <c>&lt;repository&gt;/data/talentpass.db</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqlite = "Data Source=data/talentpass.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>Apply pending migrations at start-up (on for the embedded default; run <c>talentpass migrate</c> otherwise).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
