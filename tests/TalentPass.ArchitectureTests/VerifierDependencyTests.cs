using System.Reflection;

namespace TalentPass.ArchitectureTests;

/// <summary>DESIGN.md: the verifier library that partners embed has no ASP.NET, no EF and no TalentPass dependency.</summary>
public sealed class VerifierDependencyTests
{
    [Fact]
    public void VerifierAssembly_References_OnlyTheBaseLibrary()
    {
        var verifier = Assembly.Load("TalentPass.Verifier");

        var foreign = verifier.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name is "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal)))
            .ToList();

        foreign.ShouldBeEmpty();
        verifier.GetReferencedAssemblies().ShouldContain(a => a.Name == "System.Security.Cryptography", "the rule should see the real references");
    }
}
