using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TalentPass.ArchitectureTests.Metadata;

/// <summary>A type of another assembly that an assembly uses, with the members of it that the assembly calls.</summary>
public sealed record ExternalTypeUse(string Assembly, string Namespace, string Name, IReadOnlyList<string> Members)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";

    public override string ToString() => Members.Count == 0
        ? $"{FullName} [{Assembly}]"
        : $"{FullName} [{Assembly}] (members: {string.Join(", ", Members)})";
}

/// <summary>
/// Reads what a compiled assembly really uses, from its metadata tables rather than from its assembly
/// references: every type of another assembly that the IL, signatures, attributes or generic arguments mention
/// is a row of the TypeRef table (a signature cannot name a foreign type any other way), and every member of
/// such a type it calls or reads is a row of the MemberRef table.
/// </summary>
public static class AssemblyMetadata
{
    public static IReadOnlyList<string> AssemblyReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .ToList();
    }

    public static IReadOnlyList<ExternalTypeUse> TypeUses(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();

        var members = new Dictionary<TypeReferenceHandle, SortedSet<string>>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            TypeReferenceHandle? owner = member.Parent.Kind switch
            {
                HandleKind.TypeReference => (TypeReferenceHandle)member.Parent,
                HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent)
                    .DecodeSignature(GenericDefinitionProvider.Instance, null),
                _ => null,
            };
            if (owner is { } type)
            {
                if (!members.TryGetValue(type, out var names))
                {
                    names = new SortedSet<string>(StringComparer.Ordinal);
                    members[type] = names;
                }

                names.Add(reader.GetString(member.Name));
            }
        }

        var uses = new List<ExternalTypeUse>();
        foreach (var handle in reader.TypeReferences)
        {
            if (Describe(reader, handle) is { } use)
            {
                uses.Add(use with { Members = members.TryGetValue(handle, out var names) ? names.ToList() : [] });
            }
        }

        return uses;
    }

    /// <summary>The assembly, namespace and (nested) name of a type reference; null for references into the same module.</summary>
    private static ExternalTypeUse? Describe(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            // A nested type: its namespace and assembly are those of the outermost enclosing type.
            var outer = Describe(reader, (TypeReferenceHandle)scope);
            return outer is null ? null : outer with { Name = $"{outer.Name}+{name}" };
        }

        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return null;
        }

        var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        return new ExternalTypeUse(assembly, reader.GetString(reference.Namespace), name, []);
    }

    /// <summary>Reduces a type specification to the type reference it instantiates (<c>List&lt;T&gt;</c> → <c>List`1</c>).</summary>
    private sealed class GenericDefinitionProvider : ISignatureTypeProvider<TypeReferenceHandle?, object?>
    {
        public static readonly GenericDefinitionProvider Instance = new();

        public TypeReferenceHandle? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => handle;

        public TypeReferenceHandle? GetGenericInstantiation(TypeReferenceHandle? genericType, ImmutableArray<TypeReferenceHandle?> typeArguments) => genericType;

        public TypeReferenceHandle? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;

        public TypeReferenceHandle? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => null;

        public TypeReferenceHandle? GetSZArrayType(TypeReferenceHandle? elementType) => null;

        public TypeReferenceHandle? GetArrayType(TypeReferenceHandle? elementType, ArrayShape shape) => null;

        public TypeReferenceHandle? GetByReferenceType(TypeReferenceHandle? elementType) => null;

        public TypeReferenceHandle? GetPointerType(TypeReferenceHandle? elementType) => null;

        public TypeReferenceHandle? GetPinnedType(TypeReferenceHandle? elementType) => null;

        public TypeReferenceHandle? GetFunctionPointerType(MethodSignature<TypeReferenceHandle?> signature) => null;

        public TypeReferenceHandle? GetGenericMethodParameter(object? genericContext, int index) => null;

        public TypeReferenceHandle? GetGenericTypeParameter(object? genericContext, int index) => null;

        public TypeReferenceHandle? GetModifiedType(TypeReferenceHandle? modifier, TypeReferenceHandle? unmodifiedType, bool isRequired) => unmodifiedType;

        public TypeReferenceHandle? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
    }
}
