using JasperFx.CommandLine;
using Npgsql;

namespace Holded.Partners.Host.Commands;

public class RedeliverInput : NetCoreInput
{
    [Description("The module whose handlers hear the messages again: Onboarding, Marketplace, Collaboration, Access or Notifications")]
    public string Module { get; set; } = "";

    [Description("Messages handled from this instant (ISO 8601)")] public DateTimeOffset? FromFlag { get; set; }
    [Description("Messages handled up to this instant (ISO 8601); now by default")] public DateTimeOffset? ToFlag { get; set; }
    [Description("Show what would be delivered, deliver nothing")] public bool DryRunFlag { get; set; }
}

/// <summary>
/// Re-delivers the messages one module's handlers handled in a time window: they are recorded in the durable inbox for
/// Wolverine:Durability:KeepAfterMessageHandling (keep it as long as you may need to replay), and handed back to the
/// running nodes, which handle them again. Every handler is idempotent, so a message heard twice changes nothing twice.
/// </summary>
[Description("Re-delivers the messages one module handled in a time window to its handlers again (idempotent; --dry-run to look first)", Name = "redeliver")]
public class RedeliverCommand : JasperFxAsyncCommand<RedeliverInput>
{
    private static readonly string[] Modules = ["Onboarding", "Marketplace", "Collaboration", "Access", "Notifications"];

    public RedeliverCommand() => Usage("Re-deliver a module's messages").Arguments(x => x.Module);

    public override async Task<bool> Execute(RedeliverInput input)
    {
        var module = Modules.FirstOrDefault(m => string.Equals(m, input.Module, StringComparison.OrdinalIgnoreCase));
        if (module is null)
        {
            Console.Error.WriteLine($"Unknown module '{input.Module}'; one of {string.Join(", ", Modules)}.");
            return false;
        }
        using var host = input.BuildHost();
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        var keep = host.Services.GetRequiredService<Wolverine.WolverineOptions>().Durability.KeepAfterMessageHandling;
        // Handled envelopes keep_until = handled + KeepAfterMessageHandling: the window is shifted by it.
        var queues = $"local://holded.partners.{module.ToLowerInvariant()}.%";
        var from = (input.FromFlag ?? DateTimeOffset.MinValue.AddYears(1)) + keep;
        var to = (input.ToFlag ?? DateTimeOffset.UtcNow) + keep;
        // Emails already sent are never sent again: mail is the one thing no handler can take back.
        const string window = "status = 'Handled' and received_at like @queues and keep_until >= @from and keep_until <= @to " +
            "and message_type not like '%SendNotificationEmail'";

        await using (var look = database.CreateCommand(
            $"select message_type, received_at, count(*) from wolverine.wolverine_incoming_envelopes where {window} group by 1, 2 order by 3 desc"))
        {
            look.Parameters.AddWithValue("queues", queues);
            look.Parameters.AddWithValue("from", from);
            look.Parameters.AddWithValue("to", to);
            await using var reader = await look.ExecuteReaderAsync();
            var total = 0L;
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"{reader.GetInt64(2),6}  {reader.GetString(0)}  →  {reader.GetString(1)}");
                total += reader.GetInt64(2);
            }
            Console.WriteLine($"{total} message(s) {(input.DryRunFlag ? "would be" : "are being")} re-delivered to {module}.");
            if (input.DryRunFlag || total == 0) return true;
        }
        // Back in the inbox, owned by no node: a running node's durability agent takes them and handles them again.
        await using var redeliver = database.CreateCommand(
            $"update wolverine.wolverine_incoming_envelopes set status = 'Incoming', owner_id = 0, attempts = 0, keep_until = null where {window}");
        redeliver.Parameters.AddWithValue("queues", queues);
        redeliver.Parameters.AddWithValue("from", from);
        redeliver.Parameters.AddWithValue("to", to);
        await redeliver.ExecuteNonQueryAsync();
        return true;
    }
}
