using System.Security.Cryptography;
using System.Text;
using TalentPass.Infrastructure.Security;

namespace TalentPass.UnitTests.Modules.Talents;

/// <summary>A reversible stand-in for the AES-GCM protector: enough for domain tests, not encryption.</summary>
internal sealed class FakeFieldProtector : IFieldProtector
{
    public string Protect(string plaintext) => "v1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string protectedValue) => Encoding.UTF8.GetString(Convert.FromBase64String(protectedValue[3..]));

    public string BlindIndex(string normalisedValue) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedValue)));
}
