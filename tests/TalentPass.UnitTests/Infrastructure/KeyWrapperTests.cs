using System.Security.Cryptography;
using Shouldly;
using TalentPass.Infrastructure.Security;

namespace TalentPass.UnitTests.Infrastructure;

public sealed class KeyWrapperTests
{
    private static readonly byte[] PrivateKey = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Unwrap_SameKeyAndRow_ReturnsThePrivateKey()
    {
        var wrapper = new KeyWrapper(RandomNumberGenerator.GetBytes(32));

        var cipher = wrapper.Wrap(PrivateKey, "key-1");

        cipher.ShouldStartWith("v1.");
        cipher.ShouldNotContain(Convert.ToBase64String(PrivateKey));
        wrapper.Unwrap(cipher, "key-1").ShouldBe(PrivateKey);
    }

    [Fact]
    public void Unwrap_CipherMovedToAnotherRow_IsRefused()
    {
        var wrapper = new KeyWrapper(RandomNumberGenerator.GetBytes(32));
        var cipher = wrapper.Wrap(PrivateKey, "key-1");

        Should.Throw<CryptographicException>(() => wrapper.Unwrap(cipher, "key-2"));
    }

    [Fact]
    public void Unwrap_OtherKeyEncryptionKey_IsRefused()
    {
        var cipher = new KeyWrapper(RandomNumberGenerator.GetBytes(32)).Wrap(PrivateKey, "key-1");

        Should.Throw<CryptographicException>(() => new KeyWrapper(RandomNumberGenerator.GetBytes(32)).Unwrap(cipher, "key-1"));
    }

    [Fact]
    public void FromConfiguration_NoKeyAndNoGeneratedKeys_SaysWhatToSet()
    {
        var error = Should.Throw<InvalidOperationException>(() => KeyWrapper.FromConfiguration("Codes", null, allowGenerated: false, "unused.json"));

        error.Message.ShouldContain("Codes:KeyEncryptionKey");
    }

    [Fact]
    public void FromConfiguration_GeneratedKeyFile_IsCreatedOnceAndReused()
    {
        var file = Path.Combine(Path.GetTempPath(), "tp-kek-" + Guid.NewGuid().ToString("N"), "kek.json");
        try
        {
            var cipher = KeyWrapper.FromConfiguration("Ledger", null, allowGenerated: true, file).Wrap(PrivateKey, "log");

            File.Exists(file).ShouldBeTrue();
            KeyWrapper.FromConfiguration("Ledger", null, allowGenerated: true, file).Unwrap(cipher, "log").ShouldBe(PrivateKey);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
