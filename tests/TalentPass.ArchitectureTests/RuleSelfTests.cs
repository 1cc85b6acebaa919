using Microsoft.AspNetCore.Components;
using TalentPass.ArchitectureTests.Metadata;

namespace TalentPass.ArchitectureTests;

/// <summary>
/// Each rule pointed at an assembly known to break it (this test assembly, posing as a module or as the shared
/// kernel) must report the break; otherwise the rule tests above could pass for the wrong reason.
/// </summary>
public sealed class RuleSelfTests
{
    private static readonly string Self = typeof(RuleSelfTests).Assembly.Location;

    private static readonly ModuleAssembly SelfAsModule = new("Architecture", Self);

    [Fact]
    public void ForeignModuleUses_AssemblyUsingAnotherModulesInternalsOrModuleClass_IsReported()
    {
        var violations = Rules.ForeignModuleUses(Self, "TalentPass.ArchitectureTests", BuiltAssemblies.Modules);

        violations.ShouldContain(v => v.Contains(Canary.ModuleClass.FullName!, StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.Contains(".Contracts.", StringComparison.Ordinal));
    }

    [Fact]
    public void NonContractPublicTypes_AssemblyWithPublicClasses_IsReported()
    {
        var violations = Rules.NonContractPublicTypes(typeof(RuleSelfTests).Assembly, SelfAsModule);

        violations.ShouldContain(v => v.StartsWith(typeof(RuleSelfTests).FullName!, StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.StartsWith(typeof(LeakyComponent).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void ComponentPersistenceLeaks_ComponentExposingAnEfType_IsReported()
    {
        var violations = Rules.ComponentPersistenceLeaks(typeof(RuleSelfTests).Assembly);

        violations.ShouldHaveSingleItem().ShouldContain($"{typeof(LeakyComponent).FullName}.{nameof(LeakyComponent.Database)}");
    }

    [Fact]
    public void ForbiddenDependencies_AssemblyUsingAspNetCore_IsReported()
    {
        var violations = Rules.ForbiddenDependencies(Self, ["Microsoft.AspNetCore", "TalentPass.Web"]);

        violations.ShouldContain(v => v.Contains("references assembly Microsoft.AspNetCore.Components", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("uses Program [TalentPass.Web]", StringComparison.Ordinal));
    }

    /// <summary>Deliberate rule breaks for the self-tests.</summary>
    internal static class Canary
    {
        public static readonly Type ModuleClass = typeof(TalentPass.Modules.Talents.TalentsModule);

        public static readonly Type Contract = typeof(TalentPass.Modules.Identity.Contracts.OrganisationKind);

        public static readonly Type Host = typeof(Program);
    }
}

/// <summary>A public component that leaks EF Core through a parameter (for <see cref="RuleSelfTests"/>).</summary>
public sealed class LeakyComponent : ComponentBase
{
    [Parameter]
    public Microsoft.EntityFrameworkCore.DbContext? Database { get; set; }
}
