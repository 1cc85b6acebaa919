using System.Reflection;

namespace TalentPass.ArchitectureTests.Metadata;

/// <summary>A module assembly, e.g. <c>TalentPass.Modules.Talents</c> with its root namespace and its one public class.</summary>
public sealed record ModuleAssembly(string Module, string Path)
{
    public string AssemblyName => $"TalentPass.Modules.{Module}";

    public string RootNamespace => AssemblyName;

    public string ContractsNamespace => $"{RootNamespace}.Contracts";

    /// <summary>Full name of the module class (<c>TalentPass.Modules.Talents.TalentsModule</c>).</summary>
    public string ModuleClass => $"{RootNamespace}.{Module}Module";

    public bool IsContracts(string? @namespace) =>
        @namespace is not null
        && (@namespace == ContractsNamespace || @namespace.StartsWith(ContractsNamespace + ".", StringComparison.Ordinal));

    public Assembly Load() => System.Reflection.Assembly.Load(new AssemblyName(AssemblyName));

    public override string ToString() => AssemblyName;
}

/// <summary>The solution's assemblies as built next to this test assembly (the project references copy them here).</summary>
public static class BuiltAssemblies
{
    public const string WebAssembly = "TalentPass.Web";
    public const string CliAssembly = "talentpass";
    public const string SharedKernelAssembly = "TalentPass.SharedKernel";

    private static readonly Lazy<IReadOnlyList<ModuleAssembly>> ModuleList = new(DiscoverModules);

    public static string Directory => AppContext.BaseDirectory;

    /// <summary>Every <c>TalentPass.Modules.*.dll</c> in the output folder.</summary>
    public static IReadOnlyList<ModuleAssembly> Modules => ModuleList.Value;

    public static string PathOf(string assemblyName)
    {
        var path = System.IO.Path.Combine(Directory, assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assemblyName}.dll is not in {Directory}; is it referenced by the architecture tests project?", path);
    }

    private static List<ModuleAssembly> DiscoverModules() =>
        System.IO.Directory.EnumerateFiles(Directory, "TalentPass.Modules.*.dll")
            .Select(path => new ModuleAssembly(System.IO.Path.GetFileNameWithoutExtension(path)["TalentPass.Modules.".Length..], path))
            .Where(m => !m.Module.Contains('.', StringComparison.Ordinal))
            .OrderBy(m => m.Module, StringComparer.Ordinal)
            .ToList();
}
