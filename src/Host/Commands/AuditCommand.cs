using Holded.Partners.Access;
using JasperFx.CommandLine;
using Npgsql;

namespace Holded.Partners.Host.Commands;

public class AuditInput : NetCoreInput
{
    [Description("What to do: export (the trail as CSV), verify (the trail, or a proof --file, offline), proof (a client's or firm's chain as JSON), seal (sign a period now), key (the public key)")]
    public string Action { get; set; } = "export";

    [Description("Only this client account")] public Guid? ClientFlag { get; set; }
    [Description("Only this firm account")] public Guid? FirmFlag { get; set; }
    [Description("Only this member (user id)")] public string? MemberFlag { get; set; }
    [Description("Only this entry type, e.g. session_opened")] public string? TypeFlag { get; set; }
    [Description("From this instant (ISO 8601)")] public DateTimeOffset? FromFlag { get; set; }
    [Description("Up to this instant (ISO 8601)")] public DateTimeOffset? ToFlag { get; set; }
    [Description("Write to this file instead of standard output")] public string? OutputFlag { get; set; }
    [Description("verify: check this exported proof (JSON) offline, with no database")] public string? FileFlag { get; set; }
    [Description("verify --file: accept only digests signed by this key id (as GET /api/v1/audit/keys publishes)")] public string? KeyFlag { get; set; }
}

[Description("The access audit trail: export it, verify its chain and signed digests (exit 0 when intact), export or check a proof, sign a period", Name = "audit")]
public class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public AuditCommand() => Usage("Export the trail").Arguments(x => x.Action);

    public override async Task<bool> Execute(AuditInput input)
    {
        switch (input.Action)
        {
            case "export": return await Export(input);
            case "verify" when input.FileFlag is { } file:
            {
                string json;
                try { json = await File.ReadAllTextAsync(file); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"{file} cannot be read: {e.Message}");
                    return false;
                }
                return Told(AccessTrailIntegrity.VerifyProof(json, input.KeyFlag));
            }
            case "verify":
            {
                using var host = input.BuildHost();
                return Told(await AccessTrailIntegrity.VerifyAsync(host.Services, CancellationToken.None));
            }
            case "proof":
            {
                if ((input.ClientFlag is null) == (input.FirmFlag is null))
                {
                    Console.Error.WriteLine("Name one chain: --client <account id> or --firm <account id>.");
                    return false;
                }
                using var host = input.BuildHost();
                var json = await AccessTrailIntegrity.ProofJsonAsync(host.Services, input.ClientFlag, input.FirmFlag, CancellationToken.None);
                if (input.OutputFlag is { } output) await File.WriteAllTextAsync(output, json);
                else Console.WriteLine(json);
                return true;
            }
            case "seal":
            {
                using var host = input.BuildHost();
                var sealedPeriod = await AccessTrailIntegrity.SealAsync(host.Services, CancellationToken.None);
                Console.WriteLine(sealedPeriod ?? "Another node is sealing a period right now; nothing signed.");
                return sealedPeriod is not null;
            }
            case "key":
            {
                using var host = input.BuildHost();
                Console.WriteLine(AccessTrailIntegrity.CurrentKey(host.Services));
                return true;
            }
            default:
                Console.Error.WriteLine($"Unknown action '{input.Action}': one of export, verify, proof, seal, key.");
                return false;
        }
    }

    /// <summary>The verification on standard output; true (exit 0) only when the trail is intact.</summary>
    private static bool Told((bool Intact, string Report) result)
    {
        Console.WriteLine(result.Report);
        return result.Intact;
    }

    private static async Task<bool> Export(AuditInput input)
    {
        if (input.TypeFlag is { } type && !AccessTrail.Types.Contains(type))
        {
            Console.Error.WriteLine($"Unknown type '{type}'; one of {string.Join(", ", AccessTrail.Types)}.");
            return false;
        }
        using var host = input.BuildHost();
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var output = input.OutputFlag is { } file ? new StreamWriter(file) : new StreamWriter(Console.OpenStandardOutput());
        var entries = await AccessTrail.ExportCsvAsync(database, input.ClientFlag, input.FirmFlag, input.MemberFlag, input.TypeFlag, input.FromFlag,
            input.ToFlag, output, input.OutputFlag is null ? null : n => Console.Error.Write($"\r{n} entries…"), CancellationToken.None);
        if (input.OutputFlag is not null) Console.Error.WriteLine($"\r{entries} entries written to {input.OutputFlag}");
        return true;
    }
}
