using Holded.Partners.Access;
using JasperFx.CommandLine;
using Npgsql;

namespace Holded.Partners.Host.Commands;

public class AuditInput : NetCoreInput
{
    [Description("What to do: export")]
    public string Action { get; set; } = "export";

    [Description("Only this client account")] public Guid? ClientFlag { get; set; }
    [Description("Only this firm account")] public Guid? FirmFlag { get; set; }
    [Description("Only this member (user id)")] public string? MemberFlag { get; set; }
    [Description("Only this entry type, e.g. session_opened")] public string? TypeFlag { get; set; }
    [Description("From this instant (ISO 8601)")] public DateTimeOffset? FromFlag { get; set; }
    [Description("Up to this instant (ISO 8601)")] public DateTimeOffset? ToFlag { get; set; }
    [Description("Write to this file instead of standard output")] public string? OutputFlag { get; set; }
}

[Description("Exports the access audit trail as CSV, with the viewer's filters, newest first (an operator's tool: no scoping)", Name = "audit")]
public class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public AuditCommand() => Usage("Export the trail").Arguments(x => x.Action);

    public override async Task<bool> Execute(AuditInput input)
    {
        if (input.Action != "export")
        {
            Console.Error.WriteLine($"Unknown action '{input.Action}': the one action is export.");
            return false;
        }
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
