using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TalentPass.Modules.Webhooks;
using TalentPass.Modules.Webhooks.Domain;
using TalentPass.Modules.Webhooks.Features.Delivery;

namespace TalentPass.UnitTests.Modules.Webhooks;

public sealed partial class WebhookSignerTests
{
    [Fact]
    public void Sign_DocumentedExample_GivesTheDocumentedSignature()
    {
        var example = DocExample();

        var signature = WebhookSigner.Sign(WebhookSigner.Key(example["secret"]), example["webhook-id"], long.Parse(example["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(example["body"]));

        signature.ShouldBe(example["webhook-signature"]);
    }

    [Fact]
    public void Sign_StandardWebhooksSpecificationExample_GivesItsSignature()
    {
        var signature = WebhookSigner.Sign(WebhookSigner.Key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        signature.ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public async Task SignatureHeader_TwoKeys_VerifiedByNodeCryptoForEitherSecretAndRefusedForAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var (current, previous, stranger) = (WebhookSigner.NewSecret(), WebhookSigner.NewSecret(), WebhookSigner.NewSecret());
        var body = WebhookPayload.Build(Guid.NewGuid(), "talent.level.changed", TimeProvider.System.GetUtcNow(), "{\"level\":\"B\",\"note\":\"中文 ✓\"}");
        var header = WebhookSigner.SignatureHeader([WebhookSigner.Key(current), WebhookSigner.Key(previous)], "evt-1", 1763712000, body);
        var file = Path.Combine(Path.GetTempPath(), $"tp-webhook-body-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, body, ct);
        try
        {
            (await NodeVerifyAsync(current, "evt-1", "1763712000", file, header, ct)).ShouldBe("valid");
            (await NodeVerifyAsync(previous, "evt-1", "1763712000", file, header, ct)).ShouldBe("valid");
            (await NodeVerifyAsync(stranger, "evt-1", "1763712000", file, header, ct)).ShouldBe("invalid");
            (await NodeVerifyAsync(current, "evt-1", "1763712001", file, header, ct)).ShouldBe("invalid", "the timestamp is signed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Payload_HasIdTypeTimestampAndTheDataObject()
    {
        var id = Guid.NewGuid();
        var json = System.Text.Json.JsonDocument.Parse(WebhookPayload.Build(id, "card.cancelled", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(8)), "{\"last4\":\"6688\"}")).RootElement;

        json.GetProperty("id").GetGuid().ShouldBe(id);
        json.GetProperty("type").GetString().ShouldBe("card.cancelled");
        json.GetProperty("timestamp").GetString().ShouldBe("2026-11-21T00:00:00.000Z");
        json.GetProperty("data").GetProperty("last4").GetString().ShouldBe("6688");
    }

    [Theory]
    [InlineData(1, 5.0)]
    [InlineData(2, 10.0)]
    [InlineData(3, 20.0)]
    [InlineData(20, 900.0)]
    public void Backoff_DoublesUpToTheCapWithin20PercentJitter(int attempt, double seconds)
    {
        var low = Backoff.Delay(attempt, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 0);
        var high = Backoff.Delay(attempt, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 1);

        low.TotalSeconds.ShouldBe(seconds * 0.8, 0.001);
        high.TotalSeconds.ShouldBe(seconds * 1.2, 0.001);
    }

    [Theory]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("::1", false, false)]
    [InlineData("169.254.169.254", true, false)]
    [InlineData("10.0.0.8", true, false)]
    [InlineData("192.168.1.1", true, false)]
    [InlineData("172.20.0.1", true, false)]
    [InlineData("0.0.0.0", true, false)]
    [InlineData("224.0.0.1", true, false)]
    [InlineData("::ffff:10.0.0.8", true, false)]
    [InlineData("fd00::1", true, false)]
    [InlineData("203.0.113.10", false, true)]
    [InlineData("2001:db8::1", false, true)]
    public void DestinationGuard_RefusesInternalAddressesUnlessConfigured(string address, bool allowLoopback, bool allowed)
    {
        var guard = new DestinationGuard(Options.Create(new WebhooksOptions { AllowLoopback = allowLoopback }));

        guard.IsAllowed(IPAddress.Parse(address)).ShouldBe(allowed);
    }

    [Theory]
    [InlineData("https://bank.example/hooks", true)]
    [InlineData("http://bank.example:8080/hooks?x=1", true)]
    [InlineData("ftp://bank.example/hooks", false)]
    [InlineData("https://user:pw@bank.example/hooks", false)]
    [InlineData("/relative", false)]
    [InlineData("javascript:alert(1)", false)]
    public void DestinationGuard_AcceptsOnlyHttpUrlsWithoutCredentials(string url, bool wellFormed) =>
        DestinationGuard.IsWellFormed(url, out _).ShouldBe(wellFormed);

    private static Dictionary<string, string> DocExample()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "webhooks.md"));
        var block = ExampleBlock().Match(doc);
        block.Success.ShouldBeTrue("docs/webhooks.md has no <!-- signature-example --> block");
        return block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .Select(line => (Key: line[..line.IndexOf(": ", StringComparison.Ordinal)], Value: line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private static async Task<string> NodeVerifyAsync(string secret, string id, string timestamp, string file, string header, CancellationToken ct)
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "tools");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("TALENTPASS_NODE") is { Length: > 0 } node ? node : "node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = tools,
        };
        foreach (var arg in new[] { Path.Combine(tools, "verify-webhook-signature.mjs"), secret, id, timestamp, file, header })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Node.js (`node`) is required: scripts/test.sh installs it.");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        process.ExitCode.ShouldNotBe(2, errors);
        return output.Trim();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No TalentPass.slnx above the test binaries.");
    }

    [GeneratedRegex("<!-- signature-example -->\\s*```\\s*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
