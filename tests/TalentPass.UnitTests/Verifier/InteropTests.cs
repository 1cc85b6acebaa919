using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentPass.Verifier;
using TalentPass.Verifier.Crypto;
using TalentPass.Verifier.Wire;

namespace TalentPass.UnitTests.Verifier;

/// <summary>
/// Independent implementations read our codes: node-cbor + the base45 package (tests/tools) decode the COSE structure
/// and the claims, node's crypto checks an es256 signature, and the openssl command line verifies es256 and sm2
/// signatures over the Sig_structure — and signs with its own keys for our verifier.
/// </summary>
public sealed class InteropTests
{
    public static TheoryData<string> Profiles => [CodeProfiles.Es256, CodeProfiles.Sm2];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void NodeCbor_DecodesStructureAndClaims(string profile)
    {
        var claims = TestCodes.Claims();
        var signer = TestCodes.Signer(profile);
        var code = TalentCode.Encode(claims, signer);
        var spki = Convert.ToBase64String(TestCodes.Key(profile).SubjectPublicKeyInfo.Span);

        var output = Run(Node(), [Path.Combine(Tools(), "decode-talent-code.mjs"), code, spki], Tools());

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("tag").GetInt32().ShouldBe(18);
        root.GetProperty("alg").GetInt64().ShouldBe(profile == CodeProfiles.Es256 ? -7 : -65537);
        root.GetProperty("kid").GetString().ShouldBe(Convert.ToHexStringLower(signer.KeyId.Span));
        root.GetProperty("protectedKeys").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([1, 4]);
        root.GetProperty("unprotectedSize").GetInt32().ShouldBe(0);
        root.GetProperty("signatureLength").GetInt32().ShouldBe(64);
        root.GetProperty("claimKeys").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([1, 2, 4, 6, -65538]);
        root.GetProperty("iss").GetString().ShouldBe(claims.Issuer);
        root.GetProperty("sub").GetString().ShouldBe(Convert.ToHexStringLower(claims.SubjectId.Span));
        root.GetProperty("iat").GetInt64().ShouldBe(claims.IssuedAt.ToUnixTimeSeconds());
        root.GetProperty("exp").GetInt64().ShouldBe(claims.ExpiresAt.ToUnixTimeSeconds());
        root.GetProperty("level").GetString().ShouldBe("c");
        root.GetProperty("category").GetString().ShouldBe("science");
        root.GetProperty("status").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([1, 123_456]);
        root.GetProperty("rights").GetInt64().ShouldBe((long)claims.Rights);
        root.GetProperty("name").GetString().ShouldBe("张*华");
        root.GetProperty("mode").GetInt32().ShouldBe(0);
        root.GetProperty("toBeSigned").GetString().ShouldBe(Convert.ToHexStringLower(ToBeSigned(code).ToBeSigned));
        if (profile == CodeProfiles.Es256)
        {
            root.GetProperty("signatureValid").GetBoolean().ShouldBeTrue();
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void OpenSslCli_VerifiesTheCodeSignature_AndRefusesAnAlteredPayload(string profile)
    {
        using var files = new TempFiles();
        var code = TalentCode.Encode(TestCodes.Claims(), TestCodes.Signer(profile));
        var (tbs, signature) = ToBeSigned(code);
        var pub = files.Write("pub.pem", PemEncoding.WriteString("PUBLIC KEY", TestCodes.Key(profile).SubjectPublicKeyInfo.Span));
        var sig = files.Write("sig.der", ToDer(signature));
        var data = files.Write("tbs.bin", tbs);

        Run("openssl", ["dgst", .. Digest(profile), "-verify", pub, "-signature", sig, data]).ShouldContain("Verified OK");

        tbs[^1] ^= 1;
        File.WriteAllBytes(data, tbs);
        Should.Throw<ShouldAssertException>(() => Run("openssl", ["dgst", .. Digest(profile), "-verify", pub, "-signature", sig, data]))
            .Message.ShouldContain("Verification failure");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void OpenSslCli_KeyAndSignatureMadeByOpenSsl_VerifyWithOurLibrary(string profile)
    {
        using var files = new TempFiles();
        var keyFile = files.Path("key.pem");
        Run("openssl", profile == CodeProfiles.Es256
            ? ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", keyFile]
            : ["genpkey", "-algorithm", "SM2", "-out", keyFile]);
        var pkcs8 = PemEncoding.Find(File.ReadAllText(keyFile)) is var pem
            ? Convert.FromBase64String(File.ReadAllText(keyFile)[pem.Base64Data])
            : throw new InvalidOperationException();
        var spki = CodeKeys.ExportPublicKey(profile, pkcs8);
        var key = CodeKeys.CreateVerificationKey(profile, spki);
        var message = Encoding.UTF8.GetBytes("a Sig_structure stands in here");
        var data = files.Write("tbs.bin", message);
        var sig = files.Path("sig.der");

        Run("openssl", ["dgst", .. Digest(profile), "-sign", keyFile, "-out", sig, data]);

        var raw = new byte[64];
        DerSignature.TryToRaw(File.ReadAllBytes(sig), raw).ShouldBeTrue();
        key.Verify(message, raw).ShouldBeTrue();
        key.Verify("another message"u8, raw).ShouldBeFalse();
        // And our signer over the same PKCS#8 key verifies with openssl's public key.
        var ours = CodeKeys.CreateSigner(profile, pkcs8).Sign(message);
        key.Verify(message, ours).ShouldBeTrue();
    }

    private static string[] Digest(string profile) =>
        profile == CodeProfiles.Es256 ? ["-sha256"] : ["-sm3", "-sigopt", "distid:1234567812345678"];

    internal static (byte[] ToBeSigned, byte[] Signature) ToBeSigned(string code)
    {
        var bytes = new byte[code.Length];
        Base45.TryDecode(code.AsSpan(TalentCode.Prefix.Length), bytes, out var length).ShouldBeTrue();
        var view = CoseSign1View.Parse(bytes.AsSpan(0, length));
        var tbs = new byte[CoseSign1.SigStructureLength(view.Protected.Length, view.Payload.Length)];
        CoseSign1.WriteSigStructure(tbs, view.Protected, view.Payload);
        return (tbs, view.Signature.ToArray());
    }

    private static byte[] ToDer(byte[] raw)
    {
        var der = new byte[80];
        return der[..DerSignature.FromRaw(raw, der)];
    }

    /// <summary>The npm test tools (scripts/test.sh runs npm ci there).</summary>
    internal static string Tools()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TalentPass.slnx")))
        {
            directory = directory.Parent;
        }

        var tools = Path.Combine(directory.ShouldNotBeNull("repository root not found").FullName, "tests", "tools");
        Directory.Exists(Path.Combine(tools, "node_modules", "cbor"))
            .ShouldBeTrue("tests/tools/node_modules is missing: run `npm ci` in tests/tools (scripts/test.sh does it).");
        return tools;
    }

    private static string Node() =>
        Environment.GetEnvironmentVariable("TALENTPASS_NODE")
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists)
        ?? throw new ShouldAssertException("Node.js (`node`) is not on PATH and TALENTPASS_NODE is not set: install Node.js (scripts/test.sh does it).");

    /// <summary>Runs a tool; its standard output, or a failed assertion with both streams when the exit code is not 0.</summary>
    private static string Run(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new ShouldAssertException($"{file} exited with {process.ExitCode}: {output} {error.Result}");
    }

    private sealed class TempFiles : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("talentpass-verifier-interop-").FullName;

        public string Path(string name) => System.IO.Path.Combine(_directory, name);

        public string Write(string name, byte[] content)
        {
            File.WriteAllBytes(Path(name), content);
            return Path(name);
        }

        public string Write(string name, string content)
        {
            File.WriteAllText(Path(name), content);
            return Path(name);
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
