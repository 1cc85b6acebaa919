using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Cli;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Verifier;

namespace TalentPass.IntegrationTests.Codes;

/// <summary>Key rotation (these tests share the CLI collection, so rotations do not interleave), <c>talentpass keys rotate|list</c> and <c>talentpass codes verify</c> (offline, against a fetched folder).</summary>
[Collection(CliCollection.Name)]
public sealed class CodesCliTests(TalentPassFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeysRotate_Sm2Profile_NewSigningKeyAndEarlierCodesStayValid()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var before = await CodesApi.MyCodeTextAsync(talent);

        var exit = await RunAsync("keys", "rotate", "--profile", "sm2");
        var keys = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICodeKeyAdministration>().ListAsync(Ct));

        exit.ShouldBe(0);
        keys.Where(k => k.Kind == "issuer" && k.RetiredAt is null).ShouldHaveSingleItem().Profile.ShouldBe("sm2");
        (await CodesApi.OutcomeAsync(scanner, before)).ShouldBe("valid");
        (await CodesApi.OutcomeAsync(scanner, await CodesApi.MyCodeTextAsync(talent))).ShouldBe("valid"); // now signed with sm2
        (await RunAsync("keys", "list")).ShouldBe(0);
    }

    [Fact]
    public async Task RotateKeys_ThroughTheContract_CodesIssuedBeforeStayValid()
    {
        var talent = await factory.CreateClientAsAsync("demo-talent");
        var scanner = await factory.CreateClientAsAsync(CodesApi.ServicePoint);
        var before = await CodesApi.MyCodeTextAsync(talent);
        var staticBefore = (await (await talent.PostAsync(new Uri("/api/v1/codes/me/static", UriKind.Relative), null, Ct)).ReadJsonAsync()).GetProperty("code").GetString();

        var rotated = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICodeKeyAdministration>().RotateAsync(null, Ct));
        var after = await CodesApi.MyCodeTextAsync(talent);

        (await CodesApi.OutcomeAsync(scanner, before)).ShouldBe("valid");
        (await CodesApi.OutcomeAsync(scanner, staticBefore)).ShouldBe("valid");
        (await CodesApi.OutcomeAsync(scanner, after)).ShouldBe("valid");
        rotated.Kind.ShouldBe("issuer");
        var keys = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICodeKeyAdministration>().ListAsync(Ct));
        keys.Count(k => k.Kind == "issuer" && k.RetiredAt is null).ShouldBe(1);
        keys.ShouldContain(k => k.KeyId == rotated.KeyId && k.RetiredAt == null);
    }

    [Fact]
    public async Task KeysRotate_UnknownProfile_UsageErrorAndNoNewKey()
    {
        var before = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICodeKeyAdministration>().ListAsync(Ct));

        var exit = await RunAsync("keys", "rotate", "--profile", "rsa");
        var after = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICodeKeyAdministration>().ListAsync(Ct));

        exit.ShouldBe(2);
        after.Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task CodesVerify_OfflineWithFetchedLists_ValidCodeExitsZeroAlteredCodeOne()
    {
        var code = await CodesApi.MyCodeTextAsync(await factory.CreateClientAsAsync("demo-talent"));
        var folder = Path.Combine(Path.GetTempPath(), $"talentpass-verifier-{Guid.NewGuid():N}");
        try
        {
            // What `codes fetch-lists` writes (it needs a real socket; the test server has none): root key + lists.
            var anonymous = factory.CreateClient();
            var root = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/codes/root-key", Ct);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "root-key.json"), root.GetRawText(), Ct);
            var verifier = new OfflineVerifier(CodeKeys.CreateVerificationKey(root.GetProperty("profile").GetString()!, Convert.FromBase64String(root.GetProperty("publicKey").GetString()!)));
            (await new VerifierClient(anonymous, verifier, folder).RefreshAsync(Ct)).Problems.ShouldBeEmpty();

            var valid = await RunAsync("codes", "verify", code, "--dir", folder);
            var altered = await RunAsync("codes", "verify", code[..^3] + (code[^3] == 'A' ? "B" : "A") + code[^2..], "--dir", folder);
            var noLists = await RunAsync("codes", "verify", code, "--dir", folder + "-missing");

            valid.ShouldBe(0);
            altered.ShouldBe(1);
            noLists.ShouldBe(2);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<int> RunAsync(params string[] args)
    {
        _ = factory.Services;
        CliHost.Overrides = factory.Settings();
        try
        {
            return await CliProgram.BuildRoot().Parse(args).InvokeAsync(cancellationToken: Ct);
        }
        finally
        {
            CliHost.Overrides = null;
        }
    }
}
