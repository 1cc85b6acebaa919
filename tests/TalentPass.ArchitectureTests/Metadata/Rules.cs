using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace TalentPass.ArchitectureTests.Metadata;

/// <summary>
/// The architecture rules as functions from a built assembly to its violations (empty = rule holds), so the tests
/// report every violation at once and the self-tests can show each rule catching a real one.
/// </summary>
public static class Rules
{
    private static readonly string[] PersistenceNamespaces = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    /// <summary>
    /// Rule: the assembly at <paramref name="path"/> uses another module only through that module's
    /// <c>Contracts</c> namespace. <paramref name="alsoAllowed"/> widens it for the hosts.
    /// </summary>
    public static IReadOnlyList<string> ForeignModuleUses(
        string path,
        string ownAssembly,
        IEnumerable<ModuleAssembly> modules,
        Func<ModuleAssembly, ExternalTypeUse, bool>? alsoAllowed = null)
    {
        var others = modules.Where(m => m.AssemblyName != ownAssembly).ToDictionary(m => m.AssemblyName, StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var use in AssemblyMetadata.TypeUses(path))
        {
            // By the assembly the type lives in, and by namespace in case a type is forwarded or declared elsewhere.
            var module = others.GetValueOrDefault(use.Assembly)
                ?? others.Values.FirstOrDefault(m => use.Namespace == m.RootNamespace || use.Namespace.StartsWith(m.RootNamespace + ".", StringComparison.Ordinal));
            if (module is null || module.IsContracts(use.Namespace) || (alsoAllowed?.Invoke(module, use) ?? false))
            {
                continue;
            }

            violations.Add($"{ownAssembly} uses {use}, which is not in {module.ContractsNamespace}");
        }

        return violations;
    }

    /// <summary>Rule: a module's public types are its module class, its Contracts and (generated public) Razor components.</summary>
    public static IReadOnlyList<string> NonContractPublicTypes(Assembly assembly, ModuleAssembly module)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(module);
        return assembly.GetExportedTypes()
            .Where(t => t.FullName != module.ModuleClass && !module.IsContracts(t.Namespace) && !IsComponent(t) && !IsRazorImports(t))
            .Select(t => $"{t.FullName} is public in {module.AssemblyName} but is neither {module.ModuleClass}, nor in {module.ContractsNamespace}, nor a Razor component: make it internal")
            .ToList();
    }

    /// <summary>
    /// Rule: a public Razor component exposes no persistence (EF Core, database drivers, the module's
    /// <c>Persistence</c> namespace) through its base types or public/protected members.
    /// </summary>
    public static IReadOnlyList<string> ComponentPersistenceLeaks(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var violations = new List<string>();
        foreach (var component in assembly.GetExportedTypes().Where(IsComponent))
        {
            for (var type = component.BaseType; type is not null && type != typeof(ComponentBase); type = type.BaseType)
            {
                if (MentionsPersistence(type))
                {
                    violations.Add($"{component.FullName} derives from {type.FullName}");
                }
            }

            const BindingFlags Surface = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in component.GetMembers(Surface))
            {
                if (!IsVisibleOutside(member))
                {
                    continue;
                }

                foreach (var type in SignatureTypes(member).Where(MentionsPersistence))
                {
                    violations.Add($"{component.FullName}.{member.Name} ({member.MemberType}) exposes {type.FullName ?? type.Name}");
                }
            }
        }

        return violations;
    }

    /// <summary>Rule: <paramref name="path"/> neither references nor uses any assembly or namespace starting with one of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> ForbiddenDependencies(string path, IReadOnlyList<string> forbidden)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var violations = AssemblyMetadata.AssemblyReferences(path)
            .Where(reference => forbidden.Any(f => IsUnder(reference, f)))
            .Select(reference => $"{name} references assembly {reference}")
            .ToList();
        violations.AddRange(AssemblyMetadata.TypeUses(path)
            .Where(use => forbidden.Any(f => IsUnder(use.Namespace, f) || IsUnder(use.Assembly, f)))
            .Select(use => $"{name} uses {use}"));
        return violations;
    }

    public static bool IsComponent(Type type) => typeof(ComponentBase).IsAssignableFrom(type);

    /// <summary>
    /// Razor compiles every <c>_Imports.razor</c> to a public class <c>_Imports</c> with nothing but a protected
    /// render method, not a component; it cannot be made internal.
    /// </summary>
    private static bool IsRazorImports(Type type) =>
        type.Name == "_Imports"
        && type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).All(m => m is ConstructorInfo);

    private static bool IsUnder(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static bool MentionsPersistence(Type type)
    {
        if (type.HasElementType)
        {
            return MentionsPersistence(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(MentionsPersistence))
        {
            return true;
        }

        var ns = type.Namespace ?? string.Empty;
        return PersistenceNamespaces.Any(p => IsUnder(ns, p))
            || ns.EndsWith(".Persistence", StringComparison.Ordinal)
            || ns.Contains(".Persistence.", StringComparison.Ordinal);
    }

    private static bool IsVisibleOutside(MemberInfo member) => member switch
    {
        MethodInfo { IsSpecialName: true } => false, // property and event accessors: reported as the property or event
        MethodBase m => IsVisible(m),
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        Type t => t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamORAssem,
        _ => false,
    };

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        EventInfo e => e.EventHandlerType is { } handler ? [handler] : [],
        Type t => [t],
        _ => [],
    };
}
