namespace TalentPass.Infrastructure.Demo;

/// <summary>
/// <c>Demo:Enabled</c> seeds the demo city into a new database and allows the predictable demo accounts
/// (<c>demo-&lt;role&gt;</c> / <c>Demo@12345</c>). A production environment refuses to start with it on.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string Password = "Demo@12345";

    public bool Enabled { get; set; }

    /// <summary>How many talents the demo seeder creates.</summary>
    public int Talents { get; set; } = 300;
}

/// <summary>A module's demo data. Seeders run in ascending <see cref="Order"/> once, on a new database.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
