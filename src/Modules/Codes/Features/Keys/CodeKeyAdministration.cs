using TalentPass.Modules.Codes.Contracts;
using TalentPass.Verifier;

namespace TalentPass.Modules.Codes.Features.Keys;

internal sealed class CodeKeyAdministration(KeyRing keys) : ICodeKeyAdministration
{
    public async Task<CodeKeyInfo> RotateAsync(string? profile, CancellationToken cancellationToken = default)
    {
        if (profile is not null && !CodeProfiles.IsKnown(profile))
        {
            throw new ArgumentException("The profile must be es256 or sm2.", nameof(profile));
        }

        var row = await keys.RotateAsync(profile, cancellationToken);
        return new CodeKeyInfo(row.KeyId, row.Kind, row.Profile, row.NotBefore, row.NotAfter, row.RetiredAt);
    }

    public async Task<IReadOnlyList<CodeKeyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await keys.AllAsync(cancellationToken))
            .Select(k => new CodeKeyInfo(k.KeyId, k.Kind, k.Key.Profile, k.NotBefore, k.NotAfter, k.RetiredAt))
            .ToList();
}
