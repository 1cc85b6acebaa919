using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Codes.Contracts;
using TalentPass.Verifier;

namespace TalentPass.Cli.Commands.Codes;

/// <summary><c>talentpass keys rotate [--profile es256|sm2]</c> and <c>talentpass keys list</c>: the talent-code signing keys.</summary>
internal static class RotateKeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Talent-code signing keys: list them, rotate the issuer key.");

        var profile = new Option<string?>("--profile") { Description = "Crypto profile of the new issuer key: es256 or sm2 (default: Codes:Profile)." };
        var rotate = new Command("rotate", "Create a new issuer key that signs from now on; older keys stay trusted until their validity ends, so codes in validity keep verifying.");
        rotate.Options.Add(profile);
        rotate.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(profile);
            if (chosen is not null && !CodeProfiles.IsKnown(chosen))
            {
                AnsiConsole.MarkupLine("[red]--profile must be es256 or sm2.[/]");
                return 2;
            }

            using var host = CliHost.Build();
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<ICodeKeyAdministration>().RotateAsync(chosen, cancellationToken);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[green]New issuer key[/] {0} ({1}), valid until {2:yyyy-MM-dd}. Older issuer keys no longer sign but stay in the trust list until their validity ends.", created.KeyId, created.Profile, created.NotAfter);
            return 0;
        });

        var list = new Command("list", "List the root and issuer keys (never the private halves).");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<ICodeKeyAdministration>().ListAsync(cancellationToken);
            var table = new Table().AddColumns("key id", "kind", "profile", "not before", "not after", "signing");
            foreach (var key in all)
            {
                table.AddRow(
                    key.KeyId,
                    key.Kind,
                    key.Profile,
                    key.NotBefore.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    key.NotAfter.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    key.Kind == "issuer" && key.RetiredAt is null ? "yes" : "no");
            }

            AnsiConsole.Write(table);
            return 0;
        });

        keys.Subcommands.Add(rotate);
        keys.Subcommands.Add(list);
        return keys;
    }
}
