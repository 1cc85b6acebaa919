using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Security;

namespace TalentPass.Modules.Codes.Features.Keys;

/// <summary>
/// Encrypts private signing keys with the key-encryption key <c>Codes:KeyEncryptionKey</c> (see
/// <see cref="KeyWrapper"/>: AES-256-GCM, the key id as associated data). Without a configured key and with
/// <c>Codes:AllowGeneratedKeys</c> (the embedded demo), one is generated once into <c>Codes:GeneratedKeyFile</c>.
/// </summary>
internal sealed class KeyEncryption(IOptions<CodesOptions> options)
{
    private readonly KeyWrapper wrapper = KeyWrapper.FromConfiguration(
        CodesOptions.Section, options.Value.KeyEncryptionKey, options.Value.AllowGeneratedKeys, options.Value.GeneratedKeyFile);

    public string Protect(ReadOnlySpan<byte> plaintext, string keyId) => wrapper.Wrap(plaintext, keyId);

    public byte[] Unprotect(string cipher, string keyId) => wrapper.Unwrap(cipher, keyId);
}
