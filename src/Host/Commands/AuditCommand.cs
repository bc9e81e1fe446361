using Holded.Partners.Access.Audit;
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
        if (input.TypeFlag is { } type && !AuditTypes.All.Contains(type))
        {
            Console.Error.WriteLine($"Unknown type '{type}'; one of {string.Join(", ", AuditTypes.All)}.");
            return false;
        }
        using var host = input.BuildHost();
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var output = input.OutputFlag is { } file ? new StreamWriter(file) : new StreamWriter(Console.OpenStandardOutput());
        await output.WriteLineAsync(ReadAuditTrailEndpoint.CsvHeader);
        var query = new AuditQuery
        {
            ClientAccountId = input.ClientFlag, PartnerAccountId = input.FirmFlag, UserId = input.MemberFlag, Type = input.TypeFlag,
            From = input.FromFlag, To = input.ToFlag, Limit = ReadAuditTrailEndpoint.MaxLimit,
        };
        var entries = 0;
        while (true)
        {
            var page = await ReadAuditTrailEndpoint.Read(query, database, CancellationToken.None);
            await output.WriteAsync(ReadAuditTrailEndpoint.Csv(page, header: false));
            entries += page.Items.Count;
            if (page.NextCursor is null) break;
            query.Cursor = page.NextCursor;
            if (input.OutputFlag is not null) Console.Error.Write($"\r{entries} entries…");
        }
        if (input.OutputFlag is not null) Console.Error.WriteLine($"\r{entries} entries written to {input.OutputFlag}");
        return true;
    }
}
