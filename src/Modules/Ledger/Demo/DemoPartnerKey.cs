using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace TalentPass.Modules.Ledger.Demo;

/// <summary>
/// DEMO ONLY: the Ed25519 key the demo seeder registers for the demo bank (<c>bank-zhongyuan</c>), derived from a
/// published seed so that docs/http/ledger.http can carry a valid signed submission. Never used outside demo mode.
/// </summary>
internal static class DemoPartnerKey
{
    public const string OrganisationCode = "bank-zhongyuan";

    /// <summary>The 32-byte seed: SHA-256("talentpass demo partner key bank-zhongyuan").</summary>
    public static byte[] Seed => SHA256.HashData(Encoding.ASCII.GetBytes("talentpass demo partner key bank-zhongyuan"));

    public static byte[] PublicKey => new Ed25519PrivateKeyParameters(Seed, 0).GeneratePublicKey().GetEncoded();

    public static byte[] Sign(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(Seed, 0));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }
}
