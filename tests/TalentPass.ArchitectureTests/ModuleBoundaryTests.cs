using TalentPass.ArchitectureTests.Metadata;

namespace TalentPass.ArchitectureTests;

/// <summary>The module boundaries of CONVENTIONS.md, checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var module in BuiltAssemblies.Modules)
        {
            data.Add(module.Module);
        }

        return data;
    }

    [Fact]
    public void ModuleDiscovery_OutputFolder_FindsEveryModuleOfTheCatalog()
    {
        // ModuleCatalog is compiled into both hosts, so it is read from the web host's assembly by reflection.
        var all = typeof(Program).Assembly.GetType("TalentPass.Composition.ModuleCatalog", throwOnError: true)!
            .GetProperty("All")!.GetValue(null) as IEnumerable<object>;
        var catalog = all.ShouldNotBeNull()
            .Select(m => m.GetType().Assembly.GetName().Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        BuiltAssemblies.Modules.Select(m => m.AssemblyName).ShouldBe(catalog);
        catalog.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesOtherModules_OnlyThroughTheirContracts(string name)
    {
        var module = Find(name);

        var violations = Rules.ForeignModuleUses(module.Path, module.AssemblyName, BuiltAssemblies.Modules);

        violations.ShouldBeEmpty(Report(violations));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_PublicTypes_AreOnlyTheModuleClassContractsAndPageComponents(string name)
    {
        var module = Find(name);

        var violations = Rules.NonContractPublicTypes(module.Load(), module);

        violations.ShouldBeEmpty(Report(violations));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_PublicPageComponents_DoNotLeakPersistenceTypes(string name)
    {
        var module = Find(name);

        var violations = Rules.ComponentPersistenceLeaks(module.Load());

        violations.ShouldBeEmpty(Report(violations));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_DoesNotDependOnTheWebHostOrTheCli(string name)
    {
        var module = Find(name);

        var violations = Rules.ForbiddenDependencies(
            module.Path,
            [BuiltAssemblies.WebAssembly, BuiltAssemblies.CliAssembly, "TalentPass.Cli", "TalentPass.Composition"]);

        violations.ShouldBeEmpty(Report(violations));
    }

    [Fact]
    public void SharedKernel_DependsOnNeitherEfCoreNorAspNetCore()
    {
        var violations = Rules.ForbiddenDependencies(
            BuiltAssemblies.PathOf(BuiltAssemblies.SharedKernelAssembly),
            ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite"]);

        violations.ShouldBeEmpty(Report(violations));
    }

    [Fact]
    public void TlogLibrary_DependsOnNoFrameworkNorOtherProject()
    {
        // TalentPass.Tlog is embedded by partners, courts and witnesses: only the BCL and BouncyCastle.
        var violations = Rules.ForbiddenDependencies(
            BuiltAssemblies.PathOf("TalentPass.Tlog"),
            ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Npgsql", "Microsoft.Data.Sqlite",
             "TalentPass.SharedKernel", "TalentPass.Infrastructure", "TalentPass.Modules", "TalentPass.Ui"]);

        violations.ShouldBeEmpty(Report(violations));
    }

    [Theory]
    [InlineData(BuiltAssemblies.WebAssembly)]
    [InlineData(BuiltAssemblies.CliAssembly)]
    public void Host_UsesModules_OnlyThroughContractsModuleClassAndPageComponents(string host)
    {
        var violations = Rules.ForeignModuleUses(
            BuiltAssemblies.PathOf(host),
            host,
            BuiltAssemblies.Modules,
            alsoAllowed: (module, use) => use.FullName == module.ModuleClass || IsPageComponent(module, use));

        violations.ShouldBeEmpty(Report(violations));
    }

    private static bool IsPageComponent(ModuleAssembly module, ExternalTypeUse use)
    {
        // Nested names use '+' as reflection does; generic arity suffixes are part of both names.
        var type = module.Load().GetType(use.FullName, throwOnError: false);
        return type is not null && Rules.IsComponent(type);
    }

    private static ModuleAssembly Find(string name) => BuiltAssemblies.Modules.Single(m => m.Module == name);

    private static string Report(IReadOnlyList<string> violations) =>
        $"{violations.Count} violation(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", violations);
}
